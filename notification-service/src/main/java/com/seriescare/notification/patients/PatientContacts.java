package com.seriescare.notification.patients;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
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

    /** Every patient with this mobile phone (family members may share one). */
    public List<PatientContact> withPhone(String mobilePhone) {
        return mongo.find(query(where("contact.mobilePhone").is(mobilePhone)), Stored.class, COLLECTION).stream()
                .map(Stored::contact)
                .toList();
    }

    record Stored(String id, PatientContact contact) {}
}
