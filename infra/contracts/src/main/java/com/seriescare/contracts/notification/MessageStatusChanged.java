package com.seriescare.contracts.notification;

import com.seriescare.contracts.ClinicEvent;
import java.time.Instant;

/**
 * A text moved on: sent, delivered, undelivered, failed or cancelled. Statuses only move forward; a consumer keeps
 * the one with the latest {@code at} for a message.
 *
 * @param kind what the text was for, e.g. {@code prep_tips}
 * @param sessionId the session it is about; null for a series-wide text
 */
public record MessageStatusChanged(
        String patientId, String messageId, String kind, String seriesId, String sessionId, String status, Instant at)
        implements ClinicEvent {

    @Override
    public String subject() {
        return messageId;
    }
}
