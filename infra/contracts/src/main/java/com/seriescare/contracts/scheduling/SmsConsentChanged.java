package com.seriescare.contracts.scheduling;

import com.seriescare.contracts.ClinicEvent;

/** The patient gave or withdrew consent to texts; {@code smsConsent} is the consent as it is now. */
public record SmsConsentChanged(String patientId, String clinicId, SmsConsent smsConsent) implements ClinicEvent {

    @Override
    public String subject() {
        return patientId;
    }
}
