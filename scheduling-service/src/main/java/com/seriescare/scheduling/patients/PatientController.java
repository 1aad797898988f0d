package com.seriescare.scheduling.patients;

import com.seriescare.scheduling.idempotency.IdempotentRequests;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/patients")
class PatientController {

    private final Patients patients;
    private final IdempotentRequests idempotent;

    PatientController(Patients patients, IdempotentRequests idempotent) {
        this.patients = patients;
        this.idempotent = idempotent;
    }

    /** With an {@code Idempotency-Key}, a repeat of the same request answers as the first and registers nobody. */
    @PostMapping
    ResponseEntity<?> register(
            @Valid @RequestBody RegisterPatientRequest request,
            @RequestHeader(value = IdempotentRequests.HEADER, required = false) String idempotencyKey) {
        return idempotent.once(idempotencyKey, "POST /api/patients", request, () -> {
            Patient patient = patients.register(
                    request.contact(),
                    request.smsConsent().granted(),
                    request.smsConsent().source());
            return ResponseEntity.created(URI.create("/api/patients/" + patient.id()))
                    .eTag(Revisions.etag(patient.revision()))
                    .body(withWarnings(patient));
        });
    }

    /** With an {@code ETag} (the patient's revision), to send back as {@code If-Match} with a change. */
    @GetMapping("/{id}")
    ResponseEntity<PatientResponse> get(@PathVariable String id) {
        Patient patient = patients.get(id);
        return ResponseEntity.ok()
                .eTag(Revisions.etag(patient.revision()))
                .body(PatientResponse.of(patient, List.of()));
    }

    /** Search by name (any part of first or last name) or by mobile phone (in any format). */
    @GetMapping
    List<PatientResponse> search(@RequestParam @NotBlank @Size(max = 100) String q) {
        return patients.search(q).stream()
                .map(patient -> PatientResponse.of(patient, List.of()))
                .toList();
    }

    /**
     * Replaces the contact details. With {@code If-Match} (the {@code ETag} of the read), a patient changed by
     * someone else since is not overwritten: 412.
     */
    @PutMapping("/{id}/contact")
    ResponseEntity<PatientResponse> changeContact(
            @PathVariable String id,
            @Valid @RequestBody ContactRequest request,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Patient patient = patients.changeContact(id, request.contact(), Revisions.ifMatch(ifMatch));
        return ResponseEntity.ok().eTag(Revisions.etag(patient.revision())).body(withWarnings(patient));
    }

    /**
     * Records consent to texts given or withdrawn, with how it was given; the history keeps every change. With
     * {@code If-Match}, a patient changed since the read is not overwritten: 412.
     */
    @PutMapping("/{id}/sms-consent")
    ResponseEntity<PatientResponse> changeConsent(
            @PathVariable String id,
            @Valid @RequestBody SmsConsentRequest request,
            @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        Patient patient = patients.changeConsent(id, request.granted(), request.source(), Revisions.ifMatch(ifMatch));
        return ResponseEntity.ok()
                .eTag(Revisions.etag(patient.revision()))
                .body(PatientResponse.of(patient, List.of()));
    }

    private PatientResponse withWarnings(Patient patient) {
        List<String> warnings = patients.sharingPhoneWith(patient).stream()
                .map(other -> "Another patient (" + other.firstName() + " " + other.lastName() + ", id " + other.id()
                        + ") has the same mobile phone; texts to both go to one phone")
                .toList();
        return PatientResponse.of(patient, warnings);
    }

    record RegisterPatientRequest(
            @NotBlank @Size(max = 100) String firstName,
            @NotBlank @Size(max = 100) String lastName,
            @NotBlank @Size(max = 32) String mobilePhone,

            @Pattern(regexp = "en|es", message = "must be en or es")
            String preferredLanguage,

            @Size(max = 64) String timeZone,
            @NotNull @Valid SmsConsentRequest smsConsent) {

        PatientRegistration.Contact contact() {
            return new PatientRegistration.Contact(firstName, lastName, mobilePhone, preferredLanguage, timeZone);
        }
    }

    record ContactRequest(
            @NotBlank @Size(max = 100) String firstName,
            @NotBlank @Size(max = 100) String lastName,
            @NotBlank @Size(max = 32) String mobilePhone,

            @Pattern(regexp = "en|es", message = "must be en or es")
            String preferredLanguage,

            @Size(max = 64) String timeZone) {

        PatientRegistration.Contact contact() {
            return new PatientRegistration.Contact(firstName, lastName, mobilePhone, preferredLanguage, timeZone);
        }
    }

    record SmsConsentRequest(
            @NotNull Boolean granted,
            @NotBlank @Size(max = 64) String source) {}

    record PatientResponse(
            String id,
            String clinicId,
            String firstName,
            String lastName,
            String mobilePhone,
            String preferredLanguage,
            String timeZone,
            SmsConsentResponse smsConsent,
            List<SmsConsentResponse> consentHistory,
            Instant registeredAt,
            List<String> warnings) {

        static PatientResponse of(Patient patient, List<String> warnings) {
            return new PatientResponse(
                    patient.id(),
                    patient.clinicId(),
                    patient.firstName(),
                    patient.lastName(),
                    patient.mobilePhone(),
                    patient.preferredLanguage(),
                    patient.timeZone(),
                    SmsConsentResponse.of(patient.smsConsent()),
                    patient.consentHistory().stream()
                            .map(SmsConsentResponse::of)
                            .toList(),
                    patient.registeredAt(),
                    warnings);
        }
    }

    record SmsConsentResponse(boolean granted, String source, Instant recordedAt, String recordedBy) {
        static SmsConsentResponse of(Patient.SmsConsent consent) {
            return new SmsConsentResponse(
                    consent.granted(), consent.source(), consent.recordedAt(), consent.recordedBy());
        }
    }
}
