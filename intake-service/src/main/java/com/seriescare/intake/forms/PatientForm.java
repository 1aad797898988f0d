package com.seriescare.intake.forms;

import java.time.Duration;
import java.time.Instant;

/**
 * A form a patient owes: the intake questionnaire of a series (due a set time before its first session) or the
 * pre-visit checklist of one session (due a set time before it). Its link works until the session starts.
 *
 * @param id the form's public id; it appears in the link beside the secret token, and says nothing about the patient
 * @param key the natural key, one form per series intake or per session checklist, so replays create nothing new
 * @param sessionId the checklist's session; null for an intake
 * @param sessionStart the start of the checklist's session, or of the series' first session for an intake
 * @param sessionRevision the session revision this form last followed (checklists), so old events change nothing
 */
public record PatientForm(
        String id,
        String key,
        FormKind kind,
        String patientId,
        String clinicId,
        String seriesId,
        String sessionId,
        Instant sessionStart,
        int sessionRevision,
        Instant dueAt,
        FormStatus status,
        Instant requestedAt,
        Completion completion,
        IntakeAnswers intakeAnswers,
        ChecklistAnswers checklistAnswers) {

    public static String intakeKey(String seriesId) {
        return "intake:" + seriesId;
    }

    public static String checklistKey(String sessionId) {
        return "checklist:" + sessionId;
    }

    public static PatientForm intake(
            String id,
            String patientId,
            String clinicId,
            String seriesId,
            Instant firstSessionStart,
            Duration dueBefore,
            Instant now) {
        return new PatientForm(
                id,
                intakeKey(seriesId),
                FormKind.INTAKE,
                patientId,
                clinicId,
                seriesId,
                null,
                firstSessionStart,
                0,
                deadline(firstSessionStart, dueBefore, now),
                FormStatus.REQUESTED,
                now,
                null,
                null,
                null);
    }

    public static PatientForm checklist(
            String id,
            String patientId,
            String clinicId,
            String seriesId,
            String sessionId,
            Instant sessionStart,
            int sessionRevision,
            Duration dueBefore,
            Instant now) {
        return new PatientForm(
                id,
                checklistKey(sessionId),
                FormKind.CHECKLIST,
                patientId,
                clinicId,
                seriesId,
                sessionId,
                sessionStart,
                sessionRevision,
                deadline(sessionStart, dueBefore, now),
                FormStatus.REQUESTED,
                now,
                null,
                null,
                null);
    }

    /**
     * When a form asked for now is due: {@code dueBefore} the session, as the clinic set it. A form asked for later
     * than that (a series booked two days ahead, an intake due 72 hours before) is due halfway between now and the
     * session: due at once, it was overdue a second after its link was texted, and the overdue reminder's fresh link
     * replaced the one the patient had just been sent, which then answered "This link does not work".
     */
    static Instant deadline(Instant sessionStart, Duration dueBefore, Instant now) {
        Instant usual = sessionStart.minus(dueBefore);
        if (usual.isAfter(now) || !sessionStart.isAfter(now)) {
            return usual;
        }
        return now.plus(Duration.between(now, sessionStart).dividedBy(2));
    }

    /** Completed on the form or by phone; the answers are null when taken by phone. */
    public PatientForm completed(Completion how, IntakeAnswers intake, ChecklistAnswers checklist) {
        return with(sessionStart, sessionRevision, dueAt, FormStatus.COMPLETED, how, intake, checklist);
    }

    public PatientForm overdue() {
        return withStatus(FormStatus.OVERDUE);
    }

    /** The session was cancelled (or, for an intake, every session of the series): nothing is owed any more. */
    public PatientForm closed() {
        return withStatus(FormStatus.CLOSED);
    }

    /**
     * The session moved: so do the deadline and the link's expiry, by the same rule as when the form was asked for (a
     * session moved closer than its deadline leaves the patient half the time left, not a link overdue at once). A
     * form that was overdue is owed again when its new deadline is ahead, so that deadline can pass (and be reminded
     * of) in its turn.
     */
    public PatientForm movedTo(Instant newSessionStart, int revision, Duration dueBefore, Instant now) {
        Instant newDue = deadline(newSessionStart, dueBefore, now);
        FormStatus newStatus = status == FormStatus.OVERDUE && newDue.isAfter(now) ? FormStatus.REQUESTED : status;
        return with(newSessionStart, revision, newDue, newStatus, completion, intakeAnswers, checklistAnswers);
    }

    private PatientForm withStatus(FormStatus newStatus) {
        return with(sessionStart, sessionRevision, dueAt, newStatus, completion, intakeAnswers, checklistAnswers);
    }

    /** The same form with what a transition may change; who and what it is for never change. */
    private PatientForm with(
            Instant newSessionStart,
            int newRevision,
            Instant newDueAt,
            FormStatus newStatus,
            Completion newCompletion,
            IntakeAnswers newIntakeAnswers,
            ChecklistAnswers newChecklistAnswers) {
        return new PatientForm(
                id,
                key,
                kind,
                patientId,
                clinicId,
                seriesId,
                sessionId,
                newSessionStart,
                newRevision,
                newDueAt,
                newStatus,
                requestedAt,
                newCompletion,
                newIntakeAnswers,
                newChecklistAnswers);
    }

    /** The link stops working when the session starts: after that the answers can no longer help prepare it. */
    public Instant expiresAt() {
        return sessionStart;
    }

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt());
    }

    /** Open and not expired: the patient can still send it. */
    public boolean acceptsAnswers(Instant now) {
        return status.isOpen() && !isExpired(now);
    }

    public boolean isFlagged() {
        return completion != null && !completion.flags().isEmpty();
    }

    /** As the front desk sees it: requested, overdue, completed, flagged (completed with flags) or closed. */
    public String displayStatus() {
        return isFlagged() ? "flagged" : status.name().toLowerCase(java.util.Locale.ROOT);
    }
}
