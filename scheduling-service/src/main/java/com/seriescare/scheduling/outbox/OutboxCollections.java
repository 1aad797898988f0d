package com.seriescare.scheduling.outbox;

import java.util.List;

/** The MongoDB collections whose documents carry an {@code outbox} array. */
public final class OutboxCollections {

    public static final String PATIENTS = "patients";
    public static final String SERIES = "series";

    /** Every outbox collection; on a tie in write time, earlier in this list is published first. */
    static final List<String> ALL = List.of(PATIENTS, SERIES);

    private OutboxCollections() {}
}
