package com.seriescare.intake.patients;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** Each patient's preferred language (from scheduling's patient events), so their forms speak it. */
@Repository
public class PatientLanguages {

    static final String COLLECTION = "patient_languages";

    private final MongoTemplate mongo;

    PatientLanguages(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void record(String patientId, String language) {
        mongo.upsert(Query.query(Criteria.where("_id").is(patientId)), Update.update("language", language), COLLECTION);
    }

    /** ISO 639-1; English when the patient is not known (yet). */
    public String of(String patientId) {
        var stored = mongo.findById(patientId, Stored.class, COLLECTION);
        return stored == null || stored.language() == null ? "en" : stored.language();
    }

    record Stored(String id, String language) {}
}
