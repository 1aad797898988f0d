package com.seriescare.scheduling.patients;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/patients")
class PatientController {

    private final Patients patients;

    PatientController(Patients patients) {
        this.patients = patients;
    }

    @PostMapping
    ResponseEntity<PatientResponse> register(@Valid @RequestBody RegisterPatientRequest request) {
        var form = new PatientRegistration.Form(
                request.firstName(),
                request.lastName(),
                request.mobilePhone(),
                request.preferredLanguage(),
                request.timeZone(),
                request.smsConsent().granted(),
                request.smsConsent().source());
        Patient patient = patients.register(form);
        return ResponseEntity.created(URI.create("/api/patients/" + patient.id()))
                .body(PatientResponse.of(patient));
    }

    @GetMapping("/{id}")
    PatientResponse get(@PathVariable String id) {
        return PatientResponse.of(patients.get(id));
    }

    record RegisterPatientRequest(
            @NotBlank @Size(max = 100) String firstName,
            @NotBlank @Size(max = 100) String lastName,
            @NotBlank @Size(max = 32) String mobilePhone,

            @Pattern(regexp = "en|es", message = "must be en or es")
            String preferredLanguage,

            @Size(max = 64) String timeZone,
            @NotNull @Valid SmsConsentRequest smsConsent) {}

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
            Instant registeredAt) {

        static PatientResponse of(Patient patient) {
            var consent = patient.smsConsent();
            return new PatientResponse(
                    patient.id(),
                    patient.clinicId(),
                    patient.firstName(),
                    patient.lastName(),
                    patient.mobilePhone(),
                    patient.preferredLanguage(),
                    patient.timeZone(),
                    new SmsConsentResponse(
                            consent.granted(), consent.source(), consent.recordedAt(), consent.recordedBy()),
                    patient.registeredAt());
        }
    }

    record SmsConsentResponse(boolean granted, String source, Instant recordedAt, String recordedBy) {}
}
