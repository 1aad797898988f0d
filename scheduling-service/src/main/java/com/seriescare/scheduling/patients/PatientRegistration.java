package com.seriescare.scheduling.patients;

import com.seriescare.contracts.scheduling.PatientContactChanged;
import com.seriescare.contracts.scheduling.PatientRegistered;
import com.seriescare.contracts.scheduling.SmsConsentChanged;
import com.seriescare.scheduling.clinic.Clinic;
import com.seriescare.scheduling.shared.Ids;
import com.seriescare.scheduling.shared.InvalidInput;
import com.seriescare.scheduling.shared.InvalidInput.FieldError;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Registers patients and changes their details: checks what the front desk typed, then yields the patient as it
 * is now and the event that says so.
 */
public final class PatientRegistration {

    /** Contact details as typed; {@code timeZone} and {@code preferredLanguage} may be null (clinic's zone, English). */
    public record Contact(
            String firstName, String lastName, String mobilePhone, String preferredLanguage, String timeZone) {}

    record Registered(Patient patient, PatientRegistered event) {}

    record ContactChanged(Patient patient, PatientContactChanged event) {}

    record ConsentChanged(Patient patient, SmsConsentChanged event) {}

    private PatientRegistration() {}

    static Registered register(
            Contact contact,
            boolean consentGranted,
            String consentSource,
            Clinic clinic,
            String recordedBy,
            Instant now) {
        Contact checked = checked(contact, clinic);
        var consent = new Patient.SmsConsent(consentGranted, consentSource, now, recordedBy);
        Patient patient = new Patient(
                Ids.next(),
                clinic.id(),
                checked.firstName(),
                checked.lastName(),
                checked.mobilePhone(),
                checked.preferredLanguage(),
                checked.timeZone(),
                consent,
                List.of(consent),
                now,
                0);
        return new Registered(
                patient,
                new PatientRegistered(
                        patient.id(),
                        patient.clinicId(),
                        patient.firstName(),
                        patient.lastName(),
                        patient.mobilePhone(),
                        patient.preferredLanguage(),
                        patient.timeZone(),
                        contractConsent(consent),
                        patient.registeredAt(),
                        patient.revision()));
    }

    static ContactChanged changeContact(Patient patient, Contact contact, Clinic clinic, Instant now) {
        Contact checked = checked(contact, clinic);
        Patient changed = new Patient(
                patient.id(),
                patient.clinicId(),
                checked.firstName(),
                checked.lastName(),
                checked.mobilePhone(),
                checked.preferredLanguage(),
                checked.timeZone(),
                patient.smsConsent(),
                patient.consentHistory(),
                patient.registeredAt(),
                patient.revision() + 1);
        return new ContactChanged(
                changed,
                new PatientContactChanged(
                        changed.id(),
                        changed.clinicId(),
                        changed.firstName(),
                        changed.lastName(),
                        changed.mobilePhone(),
                        changed.preferredLanguage(),
                        changed.timeZone(),
                        now,
                        changed.revision()));
    }

    static ConsentChanged changeConsent(
            Patient patient, boolean granted, String source, String recordedBy, Instant now) {
        var consent = new Patient.SmsConsent(granted, source, now, recordedBy);
        List<Patient.SmsConsent> history = new ArrayList<>(patient.consentHistory());
        history.add(consent);
        Patient changed = new Patient(
                patient.id(),
                patient.clinicId(),
                patient.firstName(),
                patient.lastName(),
                patient.mobilePhone(),
                patient.preferredLanguage(),
                patient.timeZone(),
                consent,
                history,
                patient.registeredAt(),
                patient.revision() + 1);
        return new ConsentChanged(
                changed,
                new SmsConsentChanged(changed.id(), changed.clinicId(), contractConsent(consent), changed.revision()));
    }

    /** The contact details normalised (E.164 phone, known zone, language), or every problem with them. */
    private static Contact checked(Contact contact, Clinic clinic) {
        List<FieldError> errors = new ArrayList<>();
        MobilePhone.Result phone = MobilePhone.parse(contact.mobilePhone(), MobilePhone.regionOf(clinic.phone()));
        phone.refusal()
                .ifPresent(reason ->
                        errors.add(new FieldError("mobilePhone", "'" + contact.mobilePhone() + "' " + reason)));
        String zone = contact.timeZone() == null ? clinic.timeZone().getId() : contact.timeZone();
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            errors.add(new FieldError("timeZone", "'" + zone + "' is not an IANA time zone (e.g. America/Denver)"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new Contact(
                contact.firstName().strip(),
                contact.lastName().strip(),
                phone.e164().orElseThrow(),
                contact.preferredLanguage() == null ? "en" : contact.preferredLanguage(),
                zone);
    }

    private static com.seriescare.contracts.scheduling.SmsConsent contractConsent(Patient.SmsConsent consent) {
        return new com.seriescare.contracts.scheduling.SmsConsent(
                consent.granted(), consent.source(), consent.recordedAt(), consent.recordedBy());
    }
}
