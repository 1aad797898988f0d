package com.seriescare.notification.patients;

/**
 * What notification-service knows of a patient, built from scheduling events only.
 *
 * @param mobilePhone E.164
 * @param timeZone IANA zone in which the patient's texts are timed and worded
 * @param phoneProblem why texts to this number cannot work (Twilio said invalid or not a mobile); null when none.
 *     A new number from the front desk clears it.
 * @param clinicId the clinic the patient belongs to; its front desk alone sees the patient's texts
 */
public record PatientContact(
        String patientId,
        String firstName,
        String mobilePhone,
        String language,
        String timeZone,
        boolean smsConsent,
        String phoneProblem,
        String clinicId) {

    public PatientContact withConsent(boolean granted) {
        return new PatientContact(
                patientId, firstName, mobilePhone, language, timeZone, granted, phoneProblem, clinicId);
    }

    public PatientContact withPhoneProblem(String problem) {
        return new PatientContact(patientId, firstName, mobilePhone, language, timeZone, smsConsent, problem, clinicId);
    }
}
