package com.seriescare.contracts.scheduling;

import com.seriescare.contracts.ClinicEvent;

/**
 * The patient gave or withdrew consent to texts; {@code smsConsent} is the consent as it is now.
 *
 * @param patientRevision the patient record's revision after this change; consumers apply consent only when it is
 *     at least the revision they last applied, so a late or repeated change never undoes a newer one
 */
public record SmsConsentChanged(String patientId, String clinicId, SmsConsent smsConsent, long patientRevision)
        implements ClinicEvent {

    @Override
    public String subject() {
        return patientId;
    }
}
