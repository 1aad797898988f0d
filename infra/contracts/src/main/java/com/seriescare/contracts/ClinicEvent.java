package com.seriescare.contracts;

/**
 * The payload of a CloudEvent on one of the {@link Topics}. Every event concerns one patient, whose id is
 * the record key, so all events of a patient keep their order on a partition.
 */
public interface ClinicEvent {

    /** The record key on every topic. */
    String patientId();

    /** The CloudEvents {@code subject}: the id of the thing that changed. */
    String subject();

    /** The registered type of this payload. */
    default EventType type() {
        return EventType.of(getClass());
    }
}
