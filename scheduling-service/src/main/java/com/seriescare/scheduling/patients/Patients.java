package com.seriescare.scheduling.patients;

import com.seriescare.scheduling.clinic.Clinic;
import com.seriescare.scheduling.outbox.Outbox;
import com.seriescare.scheduling.shared.NotFound;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** The clinic's patients: registration and look-up. Other features find patients through here. */
@Service
public class Patients {

    private final PatientDocuments documents;
    private final Outbox outbox;
    private final Clinic clinic;
    private final Clock clock;

    Patients(PatientDocuments documents, Outbox outbox, Clinic clinic, Clock clock) {
        this.documents = documents;
        this.outbox = outbox;
        this.clinic = clinic;
        this.clock = clock;
    }

    Patient register(PatientRegistration.Form form, String recordedBy) {
        var registered = PatientRegistration.register(form, clinic, recordedBy, clock.instant());
        var patient = registered.patient();
        documents.insert(new PatientDocument(patient.id(), patient, outbox.entriesFor(List.of(registered.event()))));
        return patient;
    }

    /** A patient of this clinic, if there is one with that id. */
    public Optional<Patient> find(String patientId) {
        return documents
                .findById(patientId)
                .map(PatientDocument::patient)
                .filter(patient -> patient.clinicId().equals(clinic.id()));
    }

    public Patient get(String patientId) {
        return find(patientId).orElseThrow(() -> new NotFound("Patient", patientId));
    }
}
