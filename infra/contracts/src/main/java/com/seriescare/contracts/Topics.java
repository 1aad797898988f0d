package com.seriescare.contracts;

/**
 * Kafka topic names. They are a public contract: integrations (EHR, billing, analytics) subscribe to
 * them by name, so they never change. Every record is keyed by patient id, but on {@link #CLINIC_SETTINGS} (clinic id).
 */
public final class Topics {

    /** Patients, series and sessions, published by scheduling-service. */
    public static final String SESSION_EVENTS = "scheduling.session-events";

    /** Intake questionnaires and pre-visit checklists, published by intake-service. */
    public static final String INTAKE_EVENTS = "intake.events";

    /**
     * Form links (bearer secrets), published by intake-service for notification-service alone: topic ACLs let only
     * notification-service read it; integrations never do.
     */
    public static final String FORM_LINKS = "intake.form-links";

    /** Texts planned, sent and replied to, published by notification-service. */
    public static final String NOTIFICATION_EVENTS = "notification.events";

    /** Anything a clinician must see at once (crisis language, low mood, safety answers). */
    public static final String CARE_ALERTS = "care.alerts";

    /**
     * What patients wrote or answered (reply bodies, the words behind a care alert), published by notification-service
     * and intake-service for scheduling-service alone, the clinic's inbox: topic ACLs let only it read; integrations
     * never do.
     */
    public static final String PATIENT_WORDS = "care.patient-words";

    /**
     * Each clinic's settings, published by scheduling-service (their owner) for intake-service and notification-service,
     * keyed by clinic id. Compacted: the latest settings of every clinic stay on it for good, so a new consumer reads
     * them all from the start.
     */
    public static final String CLINIC_SETTINGS = "clinic.settings";

    private Topics() {}
}
