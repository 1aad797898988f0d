package com.seriescare.intake.frontdesk;

import com.seriescare.contracts.intake.IntakeReviewed;
import com.seriescare.intake.forms.PatientForm;
import com.seriescare.servicesupport.outbox.Outbox;
import com.seriescare.servicesupport.outbox.PendingEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Which flagged forms a clinician has reviewed, by whom and when: recorded once, the first review stands, and
 * published ({@link IntakeReviewed}, through the outbox in the same write) so the front desk's "clinician to review"
 * goes. A clinician reviews in the API or by handling the form's care alert in the web app.
 */
@Component
public class ClinicalReviews {

    static final String COLLECTION = "clinical_reviews";

    record Review(String id, String reviewedBy, Instant reviewedAt, List<PendingEvent> outbox) {}

    private final MongoTemplate mongo;
    private final Outbox outbox;

    ClinicalReviews(MongoTemplate mongo, Outbox outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
    }

    Optional<Review> of(String formId) {
        return Optional.ofNullable(mongo.findById(formId, Review.class, COLLECTION));
    }

    /** @return the review that stands: this one, or the one recorded before */
    public Review record(PatientForm form, String by, Instant at) {
        var reviewed = new IntakeReviewed(
                form.patientId(),
                form.seriesId(),
                form.sessionId(),
                form.id(),
                form.kind().code(),
                by,
                at);
        try {
            return mongo.insert(new Review(form.id(), by, at, outbox.entriesFor(List.of(reviewed))), COLLECTION);
        } catch (DuplicateKeyException reviewedBefore) {
            return of(form.id()).orElseThrow();
        }
    }
}
