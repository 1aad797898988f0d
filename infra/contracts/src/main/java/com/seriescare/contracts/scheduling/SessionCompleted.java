package com.seriescare.contracts.scheduling;

import java.time.Instant;

/**
 * The session took place; {@code completedAt} is its actual end (the patient may need a ride home from then). Carries the session's state after the change, like every session event.
 */
public record SessionCompleted(
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
        Instant completedAt)
        implements SessionEvent {

    @Override
    public String subject() {
        return sessionId;
    }
}
