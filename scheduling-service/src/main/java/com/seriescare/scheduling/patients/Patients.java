package com.seriescare.scheduling.patients;

import com.seriescare.scheduling.clinic.Clinics;
import com.seriescare.scheduling.outbox.Outbox;
import com.seriescare.scheduling.security.CurrentUser;
import com.seriescare.scheduling.shared.NotFound;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The patients of the calling user's clinic: registration and look-up. A patient of another clinic is treated as
 * not existing, so ids cannot be probed across clinics.
 */
@Service
public class Patients {

    private final PatientDocuments documents;
    private final Outbox outbox;
    private final Clinics clinics;
    private final CurrentUser user;
    private final Clock clock;

    Patients(PatientDocuments documents, Outbox outbox, Clinics clinics, CurrentUser user, Clock clock) {
        this.documents = documents;
        this.outbox = outbox;
        this.clinics = clinics;
        this.user = user;
        this.clock = clock;
    }

    Patient register(PatientRegistration.Form form) {
        var clinic = clinics.get(user.clinicId());
        var registered = PatientRegistration.register(form, clinic, user.username(), clock.instant());
        var patient = registered.patient();
        documents.insert(new PatientDocument(patient.id(), patient, outbox.entriesFor(List.of(registered.event()))));
        return patient;
    }

    /** A patient of the caller's clinic, if there is one with that id. */
    public Optional<Patient> find(String patientId) {
        String clinicId = user.clinicId();
        return documents
                .findById(patientId)
                .map(PatientDocument::patient)
                .filter(patient -> patient.clinicId().equals(clinicId));
    }

    public Patient get(String patientId) {
        return find(patientId).orElseThrow(() -> new NotFound("Patient", patientId));
    }
}
