package com.seriescare.contracts.notification;

import com.seriescare.contracts.ClinicEvent;
import java.time.Instant;

/**
 * A text was planned or moved on: sent, delivered, undelivered, failed or cancelled. Statuses only move forward; a
 * consumer keeps the one with the latest {@code at} for a message.
 *
 * @param kind what the text was for, e.g. {@code prep_tips}
 * @param sessionId the session it is about; null for a series-wide text
 * @param dueAt when the text is (or was) to go out; null when not known to the publisher
 * @param reason why a text was cancelled, failed or is in doubt, in words for the front desk; null otherwise
 */
public record MessageStatusChanged(
        String patientId,
        String messageId,
        String kind,
        String seriesId,
        String sessionId,
        String status,
        Instant at,
        Instant dueAt,
        String reason)
        implements ClinicEvent {

    /** A status change without a due time or reason (as published before those fields existed). */
    public MessageStatusChanged(
            String patientId,
            String messageId,
            String kind,
            String seriesId,
            String sessionId,
            String status,
            Instant at) {
        this(patientId, messageId, kind, seriesId, sessionId, status, at, null, null);
    }

    @Override
    public String subject() {
        return messageId;
    }
}
