package com.seriescare.contracts.scheduling;

import java.time.Instant;

/**
 * The session was moved; {@code start} is the new start, {@code previousStart} the old one. The revision increased. Carries the session's state after the change, like every session event.
 */
public record SessionRescheduled(
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
        Instant previousStart)
        implements SessionEvent {

    @Override
    public String subject() {
        return sessionId;
    }
}
