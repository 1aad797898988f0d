package com.seriescare.intake.forms;

import com.seriescare.contracts.ClinicEvent;
import com.seriescare.contracts.care.CareAlertRaised;
import com.seriescare.contracts.care.PatientWordsRecorded;
import com.seriescare.contracts.intake.ChecklistCompleted;
import com.seriescare.contracts.intake.ChecklistOverdue;
import com.seriescare.contracts.intake.ChecklistRequested;
import com.seriescare.contracts.intake.FormLinkIssued;
import com.seriescare.contracts.intake.IntakeCompleted;
import com.seriescare.contracts.intake.IntakeFlagged;
import com.seriescare.contracts.intake.IntakeOverdue;
import com.seriescare.contracts.intake.IntakeRequested;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The events that tell other services about a form. */
public final class FormEvents {

    /** The care alert's reason when a form's answers need a clinician before the session. */
    public static final String ANSWERS_TO_REVIEW = "answers_to_review";

    private FormEvents() {}

    /**
     * The form is waiting: news for everyone on {@code intake.events}, and its link, a bearer secret, for
     * notification-service alone on {@code intake.form-links}.
     */
    public static List<ClinicEvent> requested(PatientForm form, String link, Instant now) {
        ClinicEvent news = switch (form.kind()) {
            case INTAKE ->
                new IntakeRequested(form.patientId(), form.seriesId(), form.id(), form.dueAt(), form.requestedAt());
            case CHECKLIST ->
                new ChecklistRequested(
                        form.patientId(),
                        form.seriesId(),
                        form.sessionId(),
                        form.id(),
                        form.dueAt(),
                        form.requestedAt());
        };
        return List.of(news, linkIssued(form, FormLinkIssued.REQUESTED, link, now));
    }

    /** The form is overdue: news for everyone, and a fresh link for the reminder text, for notification-service. */
    public static List<ClinicEvent> overdue(PatientForm form, String link, Instant now) {
        ClinicEvent news = switch (form.kind()) {
            case INTAKE -> new IntakeOverdue(form.patientId(), form.seriesId(), form.id(), form.dueAt());
            case CHECKLIST ->
                new ChecklistOverdue(form.patientId(), form.seriesId(), form.sessionId(), form.id(), form.dueAt());
        };
        return List.of(news, linkIssued(form, FormLinkIssued.OVERDUE, link, now));
    }

    private static FormLinkIssued linkIssued(PatientForm form, String occasion, String link, Instant now) {
        return new FormLinkIssued(
                form.patientId(),
                form.seriesId(),
                form.sessionId(),
                form.id(),
                form.kind() == FormKind.INTAKE ? FormLinkIssued.INTAKE : FormLinkIssued.CHECKLIST,
                occasion,
                link,
                form.dueAt(),
                now,
                form.clinicId());
    }

    /** Completed, flagged when answers need a clinician, and a care alert at once for a positive safety answer. */
    public static List<ClinicEvent> completed(PatientForm form) {
        Completion how = form.completion();
        List<ClinicEvent> events = new ArrayList<>();
        events.add(
                switch (form.kind()) {
                    case INTAKE ->
                        new IntakeCompleted(form.patientId(), form.seriesId(), how.completedAt(), how.completedBy());
                    case CHECKLIST ->
                        new ChecklistCompleted(
                                form.patientId(),
                                form.seriesId(),
                                form.sessionId(),
                                how.rideHomeConfirmed(),
                                how.completedAt(),
                                how.completedBy());
                });
        // the urgent alert first: it pages the on-call clinician
        int safety = Flags.safetyAnswer(form);
        if (Flags.isPositiveSafetyAnswer(safety)) {
            String alertId = UUID.randomUUID().toString();
            events.add(new CareAlertRaised(
                    form.patientId(),
                    alertId,
                    Flags.SAFETY_ANSWER,
                    safety >= 2 ? "urgent" : "high",
                    how.completedAt(),
                    form.clinicId()));
            // the answer itself goes to the clinic's inbox alone (health data), not with the alert
            events.add(new PatientWordsRecorded(
                    form.patientId(), alertId, Flags.safetyExcerpt(safety), how.completedAt()));
        }
        if (!how.flags().isEmpty()) {
            // that a clinician must look, not why: the reasons are health data, and intake.events is read by the
            // integrations; clinicians read them in their care alerts (the words on care.patient-words) and at
            // /api/clinical/flagged
            events.add(new IntakeFlagged(
                    form.patientId(),
                    form.seriesId(),
                    form.sessionId(),
                    form.id(),
                    form.kind().code(),
                    List.of(),
                    how.completedAt()));
            String reviewAlert = Flags.reviewAlertId(form.id());
            events.add(new CareAlertRaised(
                    form.patientId(), reviewAlert, ANSWERS_TO_REVIEW, "high", how.completedAt(), form.clinicId()));
            events.add(new PatientWordsRecorded(
                    form.patientId(), reviewAlert, Flags.reviewSummary(form, how.flags()), how.completedAt()));
        }
        return events;
    }

    /** When a safety answer is positive, the patient sees crisis resources at once, before any clinician calls. */
    public static boolean needsCrisisResources(PatientForm form) {
        return Flags.isPositiveSafetyAnswer(Flags.safetyAnswer(form));
    }
}
