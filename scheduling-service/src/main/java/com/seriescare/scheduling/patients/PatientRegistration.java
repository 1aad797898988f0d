package com.seriescare.scheduling.patients;

import com.seriescare.contracts.scheduling.PatientRegistered;
import com.seriescare.scheduling.clinic.Clinic;
import com.seriescare.scheduling.shared.Ids;
import com.seriescare.scheduling.shared.InvalidInput;
import com.seriescare.scheduling.shared.InvalidInput.FieldError;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Registers a patient: checks what the front desk typed, then yields the patient and its event. */
final class PatientRegistration {

    /** What the front desk typed; {@code timeZone} may be null (the clinic's zone is assumed). */
    record Form(
            String firstName,
            String lastName,
            String mobilePhone,
            String preferredLanguage,
            String timeZone,
            boolean consentGranted,
            String consentSource) {}

    record Registered(Patient patient, PatientRegistered event) {}

    private PatientRegistration() {}

    static Registered register(Form form, Clinic clinic, String recordedBy, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        MobilePhone.Result phone = MobilePhone.parse(form.mobilePhone(), MobilePhone.regionOf(clinic.phone()));
        phone.refusal()
                .ifPresent(
                        reason -> errors.add(new FieldError("mobilePhone", "'" + form.mobilePhone() + "' " + reason)));
        String zone = form.timeZone() == null ? clinic.timeZone().getId() : form.timeZone();
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            errors.add(new FieldError("timeZone", "'" + zone + "' is not an IANA time zone (e.g. America/Denver)"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        String language = form.preferredLanguage() == null ? "en" : form.preferredLanguage();
        Patient patient = new Patient(
                Ids.next(),
                clinic.id(),
                form.firstName().strip(),
                form.lastName().strip(),
                phone.e164().orElseThrow(),
                language,
                zone,
                new Patient.SmsConsent(form.consentGranted(), form.consentSource(), now, recordedBy),
                now);
        return new Registered(patient, eventFor(patient));
    }

    private static PatientRegistered eventFor(Patient patient) {
        var consent = patient.smsConsent();
        return new PatientRegistered(
                patient.id(),
                patient.clinicId(),
                patient.firstName(),
                patient.lastName(),
                patient.mobilePhone(),
                patient.preferredLanguage(),
                patient.timeZone(),
                new com.seriescare.contracts.scheduling.SmsConsent(
                        consent.granted(), consent.source(), consent.recordedAt(), consent.recordedBy()),
                patient.registeredAt());
    }
}
