package com.seriescare.contracts.scheduling;

import java.time.Instant;

/**
 * The patient confirmed they will come (by text reply or to the front desk). Carries the session's state after the change, like every session event.
 */
public record SessionConfirmed(
        String patientId,
        String seriesId,
        String sessionId,
        int sequence,
        int sessionCount,
        Instant start,
        String timeZone,
        int durationMinutes,
        String clinicId,
        int revision,
        AppointmentStatus status,
        Instant confirmedAt,
        String channel)
        implements SessionEvent {

    @Override
    public String subject() {
        return sessionId;
    }
}
