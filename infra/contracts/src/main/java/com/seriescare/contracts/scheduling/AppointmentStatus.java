package com.seriescare.contracts.scheduling;

/** The FHIR R4 Appointment.status that matches a session's state, for EHR integrations. */
public enum AppointmentStatus {
    booked,
    arrived,
    fulfilled,
    cancelled,
    noshow
}
