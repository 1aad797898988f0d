package com.seriescare.contracts.scheduling;

import com.seriescare.contracts.ClinicEvent;
import java.time.Instant;

/**
 * Every session event carries the session's state after the change (event-carried state transfer), so a consumer
 * can keep its own view of the session from any one of them.
 */
public interface SessionEvent extends ClinicEvent {

    String seriesId();

    String sessionId();

    /** k in "session k of N". */
    int sequence();

    /** N in "session k of N". */
    int sessionCount();

    Instant start();

    /** IANA zone of the clinic where the session takes place. */
    String timeZone();

    int durationMinutes();

    String clinicId();

    /** Increments with every change of the session. */
    int revision();

    /** The matching FHIR Appointment status. */
    AppointmentStatus status();
}
