package com.seriescare.notification.patients;

/**
 * What notification-service knows of a patient, built from scheduling events only.
 *
 * @param mobilePhone E.164
 * @param timeZone IANA zone in which the patient's texts are timed and worded
 */
public record PatientContact(
        String patientId, String firstName, String mobilePhone, String language, String timeZone, boolean smsConsent) {

    public PatientContact withConsent(boolean granted) {
        return new PatientContact(patientId, firstName, mobilePhone, language, timeZone, granted);
    }
}
