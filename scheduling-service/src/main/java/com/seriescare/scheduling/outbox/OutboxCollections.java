package com.seriescare.scheduling.outbox;

import java.util.List;

/** The MongoDB collections whose documents carry an {@code outbox} array, in the order the relay drains them. */
public final class OutboxCollections {

    public static final String PATIENTS = "patients";
    public static final String SERIES = "series";

    static final List<String> IN_PUBLISHING_ORDER = List.of(PATIENTS, SERIES);

    private OutboxCollections() {}
}
