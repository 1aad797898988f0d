package com.seriescare.contracts.scheduling;

import java.time.Instant;

/**
 * The patient did not come (no-show). Carries the session's state after the change, like every session event.
 */
public record SessionMissed(
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
        Instant markedAt)
        implements SessionEvent {

    @Override
    public String subject() {
        return sessionId;
    }
}
