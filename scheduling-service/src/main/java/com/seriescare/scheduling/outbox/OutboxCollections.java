package com.seriescare.scheduling.outbox;

/** The MongoDB collections whose documents carry an {@code outbox} array (listed in seriescare.outbox.collections). */
public final class OutboxCollections {

    public static final String PATIENTS = "patients";
    public static final String SERIES = "series";

    /** Each clinic's settings as last published on {@code clinic.settings}. */
    public static final String CLINIC_SETTINGS = "clinic_settings";

    private OutboxCollections() {}
}
