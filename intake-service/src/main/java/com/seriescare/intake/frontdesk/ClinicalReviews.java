package com.seriescare.intake.frontdesk;

import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Which flagged forms a clinician has reviewed, by whom and when: recorded once, the first review stands. */
@Component
class ClinicalReviews {

    static final String COLLECTION = "clinical_reviews";

    record Review(String id, String reviewedBy, Instant reviewedAt) {}

    private final MongoTemplate mongo;

    ClinicalReviews(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    Optional<Review> of(String formId) {
        return Optional.ofNullable(mongo.findById(formId, Review.class, COLLECTION));
    }

    /** @return the review that stands: this one, or the one recorded before */
    Review record(String formId, String by, Instant at) {
        try {
            return mongo.insert(new Review(formId, by, at), COLLECTION);
        } catch (DuplicateKeyException reviewedBefore) {
            return of(formId).orElseThrow();
        }
    }
}
