package com.seriescare.notification.planning;

import java.time.Instant;
import java.util.List;

/**
 * A text to send at {@code dueAt}. {@code planKey} is its natural key (what it is for, which session and which
 * revision of it), so planning the same thing twice yields the same key and is stored once.
 *
 * @param sessionId the session it is about; null for a series-wide text
 * @param sessionRevision the revision of the session it was planned for; 0 for a series-wide text
 * @param sessionStarts the session starts the text mentions
 * @param to for a reply, the number that wrote to us; null means the patient's mobile phone
 * @param urgent sent at once whatever the hour (the answer to crisis language)
 * @param link the patient's personal form link the text carries; null for most texts
 * @param clinicId for a reply, the clinic whose number was texted (it answers as that clinic); null means the
 *     patient's clinic
 */
public record PlannedMessage(
        String planKey,
        MessageKind kind,
        String patientId,
        String seriesId,
        String sessionId,
        int sessionRevision,
        Instant dueAt,
        List<Instant> sessionStarts,
        String to,
        boolean urgent,
        String link,
        String clinicId) {

    public PlannedMessage {
        sessionStarts = sessionStarts == null ? List.of() : List.copyOf(sessionStarts);
    }

    /** A text to a patient, in the name of the patient's clinic. */
    public PlannedMessage(
            String planKey,
            MessageKind kind,
            String patientId,
            String seriesId,
            String sessionId,
            int sessionRevision,
            Instant dueAt,
            List<Instant> sessionStarts,
            String to,
            boolean urgent,
            String link) {
        this(
                planKey,
                kind,
                patientId,
                seriesId,
                sessionId,
                sessionRevision,
                dueAt,
                sessionStarts,
                to,
                urgent,
                link,
                null);
    }

    /** A reply to a text we received: to the number that wrote, due at once, from the clinic it wrote to. */
    public static PlannedMessage reply(
            String inboundId, MessageKind kind, String patientId, String to, String clinicId, Instant now) {
        return new PlannedMessage(
                inboundId + ":" + kind,
                kind,
                patientId,
                null,
                null,
                0,
                now,
                List.of(),
                to,
                kind == MessageKind.CRISIS_RESPONSE,
                null,
                clinicId);
    }

    /** The same plan, due at another time (the plan key does not change). */
    public PlannedMessage dueAt(Instant due) {
        return new PlannedMessage(
                planKey,
                kind,
                patientId,
                seriesId,
                sessionId,
                sessionRevision,
                due,
                sessionStarts,
                to,
                urgent,
                link,
                clinicId);
    }

    /** A reply goes to whoever wrote, whether or not they agreed to reminders. */
    public boolean isReply() {
        return to != null;
    }
}
