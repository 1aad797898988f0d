package com.seriescare.notification.patients;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * Every consent fact notification-service learned, from the front desk's records or from the patient's phone. The
 * same fact reported twice (a STOP seen here and then echoed by scheduling-service) is kept once.
 */
@Repository
public class ConsentHistory {

    static final String COLLECTION = "consent_history";

    /** One consent fact: given or withdrawn, how, when and by whom. */
    public record Entry(String patientId, boolean granted, String source, Instant recordedAt, String recordedBy) {}

    private final MongoTemplate mongo;

    ConsentHistory(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void record(Entry entry) {
        String key = entry.patientId() + "|" + entry.granted() + "|" + entry.source() + "|"
                + entry.recordedAt().toEpochMilli();
        try {
            mongo.insert(new Stored(key, entry), COLLECTION);
        } catch (DuplicateKeyException alreadyKnown) {
            // the same fact, reported again
        }
    }

    /** Oldest first. */
    public List<Entry> of(String patientId) {
        return mongo
                .find(
                        query(where("entry.patientId").is(patientId)).with(Sort.by("entry.recordedAt")),
                        Stored.class,
                        COLLECTION)
                .stream()
                .map(Stored::entry)
                .toList();
    }

    record Stored(String id, Entry entry) {}
}
