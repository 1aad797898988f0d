package com.seriescare.contracts.scheduling;

import java.time.Instant;

/**
 * The session was cancelled (alone, or with the rest of its series). Carries the session's state after the change, like every session event.
 */
public record SessionCancelled(
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
        String reason,
        Instant cancelledAt)
        implements SessionEvent {

    @Override
    public String subject() {
        return sessionId;
    }
}
