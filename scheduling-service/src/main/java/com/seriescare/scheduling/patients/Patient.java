package com.seriescare.scheduling.patients;

import java.time.Instant;
import java.util.List;

/**
 * A patient of the clinic.
 *
 * @param mobilePhone E.164
 * @param preferredLanguage {@code en} or {@code es}
 * @param timeZone IANA zone the patient lives in; texts are timed in it
 * @param smsConsent the consent as it is now
 * @param consentHistory every consent recorded, oldest first (the last one is {@code smsConsent})
 * @param revision 0 at registration, one more with each change; published with every patient event so that
 *     consumers can tell a late change from a newer one, and checked on save so two changes cannot both land
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
        List<SmsConsent> consentHistory,
        Instant registeredAt,
        long revision) {

    public Patient {
        consentHistory = consentHistory == null ? List.of(smsConsent) : List.copyOf(consentHistory);
    }

    /** Consent to texts, as recorded: given or withdrawn, how ({@code source}), when and by whom. */
    public record SmsConsent(boolean granted, String source, Instant recordedAt, String recordedBy) {}
}
