package com.seriescare.scheduling.inbox;

import java.time.Instant;

/**
 * Something a person at the clinic must read and act on: a care alert or a patient's reply that no rule could
 * handle. Urgent items (crisis language) go first, whatever their age.
 *
 * @param id the alert's id, or the reply's id and the patient's (one reply from a shared phone is one item per
 *     patient)
 * @param clinicId the patient's clinic, or for an unknown sender the clinic whose number was texted; null for an unknown
 *     sender's reply that named no clinic (every clinic's front desk sees it)
 * @param source {@code care_alert} or {@code reply}
 * @param topic the alert's reason ({@code crisis_language}, {@code low_mood}, {@code safety_answer}) or the reply's
 *     intent ({@code reschedule}, {@code other}, ...)
 * @param severity {@code urgent}, {@code high} or {@code normal}
 * @param text what the patient wrote or answered (joined from {@code care.patient-words}; null until it came)
 * @param fromPhoneLast4 for replies: the last four digits of the phone that sent it
 */
public record InboxItem(
        String id,
        String clinicId,
        String patientId,
        String source,
        String topic,
        String severity,
        String text,
        String fromPhoneLast4,
        Instant receivedAt,
        String handledBy,
        Instant handledAt) {

    InboxItem withText(String words) {
        return new InboxItem(
                id,
                clinicId,
                patientId,
                source,
                topic,
                severity,
                words,
                fromPhoneLast4,
                receivedAt,
                handledBy,
                handledAt);
    }

    public boolean urgent() {
        return "urgent".equals(severity);
    }

    public boolean handled() {
        return handledAt != null;
    }

    public boolean fromUnknownSender() {
        return patientId == null;
    }
}
