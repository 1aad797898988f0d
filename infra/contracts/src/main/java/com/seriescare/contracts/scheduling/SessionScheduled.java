package com.seriescare.contracts.scheduling;

import java.time.Instant;

/**
 * A session was put on the calendar (as part of a booked series).
 *
 * @param sequence k of {@code sessionCount}, 1-based
 * @param start the instant the session starts
 * @param timeZone IANA zone of the clinic where it takes place
 * @param revision 1 when first scheduled; every later change of the session increments it
 * @param status the matching FHIR Appointment status
 */
public record SessionScheduled(
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
        AppointmentStatus status)
        implements SessionEvent {

    @Override
    public String subject() {
        return sessionId;
    }
}
