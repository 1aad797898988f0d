package com.seriescare.intake.intake;

import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/** Intake requests, one per series: the series id is the document id, so a replayed event cannot add another. */
@Repository
public class IntakeRequests {

    static final String COLLECTION = "intake_requests";

    private final MongoTemplate mongo;

    IntakeRequests(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Records the request; false when the series already has one. */
    public boolean request(IntakeRequest request) {
        try {
            mongo.insert(new Stored(request.seriesId(), request), COLLECTION);
            return true;
        } catch (DuplicateKeyException alreadyRequested) {
            return false;
        }
    }

    public Optional<IntakeRequest> forSeries(String seriesId) {
        return Optional.ofNullable(mongo.findById(seriesId, Stored.class, COLLECTION))
                .map(Stored::request);
    }

    record Stored(String id, IntakeRequest request) {}
}
