package com.seriescare.contracts.scheduling;

import com.seriescare.contracts.ClinicEvent;
import java.time.Instant;

/**
 * A patient was registered at a clinic. Carries what other services need to reach the patient, so none of
 * them ever asks scheduling-service.
 *
 * @param mobilePhone E.164, e.g. {@code +13035550142}
 * @param preferredLanguage ISO 639-1: {@code en} or {@code es}
 * @param timeZone IANA zone the patient lives in, e.g. {@code America/Denver}
 */
public record PatientRegistered(
        String patientId,
        String clinicId,
        String firstName,
        String lastName,
        String mobilePhone,
        String preferredLanguage,
        String timeZone,
        SmsConsent smsConsent,
        Instant registeredAt,
        long patientRevision)
        implements ClinicEvent {

    @Override
    public String subject() {
        return patientId;
    }
}
