package com.seriescare.notification.patients;

import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/** The patients' contact details, one document per patient, replaced by the latest event that carries them. */
@Repository
public class PatientContacts {

    static final String COLLECTION = "patient_contacts";

    private final MongoTemplate mongo;

    PatientContacts(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void save(PatientContact contact) {
        mongo.save(new Stored(contact.patientId(), contact), COLLECTION);
    }

    public Optional<PatientContact> find(String patientId) {
        return Optional.ofNullable(mongo.findById(patientId, Stored.class, COLLECTION))
                .map(Stored::contact);
    }

    record Stored(String id, PatientContact contact) {}
}
