package com.seriescare.notification.patients;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * The patients' contact details, one document per patient, replaced by the latest event that carries them, with the
 * highest revision of scheduling-service's patient record applied so far ({@code patientRevision}).
 */
@Repository
public class PatientContacts {

    static final String COLLECTION = "patient_contacts";

    private final MongoTemplate mongo;

    PatientContacts(MongoTemplate mongo) {
        this.mongo = mongo;
        // a reply is matched to its patients by the number it came from
        mongo.indexOps(COLLECTION)
                .createIndex(new org.springframework.data.mongodb.core.index.Index(
                        "contact.mobilePhone", org.springframework.data.domain.Sort.Direction.ASC));
    }

    public void save(PatientContact contact) {
        mongo.upsert(query(where("_id").is(contact.patientId())), new Update().set("contact", contact), COLLECTION);
    }

    /**
     * Whether a change of the patient's record at this revision is older than one already applied: it arrived late
     * (two replicas published out of order) or was delivered again after a newer one, and must not undo it.
     */
    public boolean isOutdated(String patientId, long patientRevision) {
        Stored stored = mongo.findById(patientId, Stored.class, COLLECTION);
        return stored != null && stored.revision() != null && stored.revision() > patientRevision;
    }

    /** Notes that the patient's record has been applied up to this revision. */
    public void applied(String patientId, long patientRevision) {
        mongo.upsert(query(where("_id").is(patientId)), new Update().max("revision", patientRevision), COLLECTION);
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

    record Stored(String id, PatientContact contact, Long revision) {}
}
