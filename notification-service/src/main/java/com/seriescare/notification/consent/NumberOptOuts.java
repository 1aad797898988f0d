package com.seriescare.notification.consent;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.seriescare.contracts.ClinicEvent;
import com.seriescare.servicesupport.outbox.Outbox;
import com.seriescare.servicesupport.outbox.PendingEvent;
import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Opt-outs by phone number, as carriers and Twilio keep them: a STOP from a number holds for every patient who has
 * that number now or gets it later, until a START from the same number. One document per E.164 number; it carries
 * an outbox, so telling the front desk of a patient who got an opted-out number is saved with the fact that it was
 * told.
 */
@Repository
class NumberOptOuts {

    static final String COLLECTION = "number_opt_outs";

    private final MongoTemplate mongo;
    private final Outbox outbox;

    NumberOptOuts(MongoTemplate mongo, Outbox outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
    }

    /** Replaces what is known of the number with its latest word (STOP or START). */
    void save(NumberOptOut optOut) {
        mongo.upsert(
                query(where("_id").is(optOut.phone())),
                new Update()
                        .set("optOut", optOut)
                        // a new word from the number: patients told of the old one must be told of this one
                        .set("toldPatients", List.of()),
                COLLECTION);
    }

    Optional<NumberOptOut> find(String phone) {
        if (phone == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(mongo.findById(phone, Stored.class, COLLECTION))
                .map(Stored::optOut);
    }

    /**
     * Records that the patient was told of the number's opt-out, with the event that tells; false when it was
     * already (a redelivered contact event).
     */
    boolean tell(String phone, String patientId, ClinicEvent event) {
        var result = mongo.updateFirst(
                query(where("_id").is(phone).and("toldPatients").ne(patientId)),
                new Update()
                        .addToSet("toldPatients", patientId)
                        .push("outbox")
                        .each(outbox.entriesFor(List.of(event)).toArray()),
                COLLECTION);
        return result.getModifiedCount() == 1;
    }

    record Stored(String id, NumberOptOut optOut, List<String> toldPatients, List<PendingEvent> outbox) {}
}
