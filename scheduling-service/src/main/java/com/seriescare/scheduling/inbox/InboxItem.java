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
 * @param paging for an urgent care alert: who was paged and who acknowledged it; null otherwise
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
        Instant handledAt,
        AlertPaging paging) {

    /**
     * The paging of an urgent alert, as notification-service reports it and as clinicians acknowledge it here.
     *
     * @param pagedName the clinician of the rota paged last (names only, never phones)
     * @param round how many pages went out; from 2 on, nobody had acknowledged in time
     * @param via {@code sms} (replied ACK to the page) or {@code web}
     */
    public record AlertPaging(
            String pagedName,
            int round,
            Instant escalatedAt,
            String acknowledgedBy,
            Instant acknowledgedAt,
            String via) {

        public boolean acknowledged() {
            return acknowledgedAt != null;
        }

        public boolean escalated() {
            return round > 1;
        }
    }

    public InboxItem(
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
        this(
                id,
                clinicId,
                patientId,
                source,
                topic,
                severity,
                text,
                fromPhoneLast4,
                receivedAt,
                handledBy,
                handledAt,
                null);
    }

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
                handledAt,
                paging);
    }

    /** An urgent care alert that no clinician has acknowledged yet. */
    public boolean awaitingAcknowledgement() {
        return "care_alert".equals(source) && urgent() && !handled() && (paging == null || !paging.acknowledged());
    }

    /** Unacknowledged past the escalation time: red on every front-desk screen. */
    public boolean escalatedUnacknowledged() {
        return awaitingAcknowledgement() && paging != null && paging.escalated();
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
