package com.seriescare.contracts;

/**
 * The payload of a CloudEvent on one of the {@link Topics}. Every event but a clinic's settings concerns one patient,
 * whose id is the record key, so all events of a patient keep their order on a partition.
 */
public interface ClinicEvent {

    /** The patient the event is about; null only for events about a clinic itself. */
    String patientId();

    /** The record key: the patient id (a clinic's settings are keyed by clinic id). */
    default String key() {
        return patientId();
    }

    /** The CloudEvents {@code subject}: the id of the thing that changed. */
    String subject();

    /** The registered type of this payload. */
    default EventType type() {
        return EventType.of(getClass());
    }
}
