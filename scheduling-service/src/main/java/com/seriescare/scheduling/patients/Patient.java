package com.seriescare.scheduling.patients;

import java.time.Instant;

/**
 * A patient of the clinic.
 *
 * @param mobilePhone E.164
 * @param preferredLanguage {@code en} or {@code es}
 * @param timeZone IANA zone the patient lives in; texts are timed in it
 */
public record Patient(
        String id,
        String clinicId,
        String firstName,
        String lastName,
        String mobilePhone,
        String preferredLanguage,
        String timeZone,
        SmsConsent smsConsent,
        Instant registeredAt) {

    /** Consent to texts, as recorded; {@code recordedBy} is the user who recorded it. */
    public record SmsConsent(boolean granted, String source, Instant recordedAt, String recordedBy) {}
}
