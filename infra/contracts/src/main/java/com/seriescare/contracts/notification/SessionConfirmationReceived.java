package com.seriescare.contracts.notification;

import com.seriescare.contracts.ClinicEvent;
import java.time.Instant;

/** The patient replied to confirm their next session (e.g. "C" or "YES"); scheduling-service records it. */
public record SessionConfirmationReceived(String patientId, String seriesId, String sessionId, Instant receivedAt)
        implements ClinicEvent {

    @Override
    public String subject() {
        return sessionId;
    }
}
