package com.seriescare.servicesupport.audit;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.seriescare.servicesupport.outbox.PendingEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

/**
 * The service's append-only record of who did what to a patient's record, in its own {@value #COLLECTION} collection:
 * every change (entered from its event as the outbox relay publishes it, so nothing published goes unrecorded and
 * nothing is recorded twice; a look at a patient's answers is an event too) and, where a service shows a patient's
 * history, what other services did to the record, learned from their events. Entries are never changed; they are removed only
 * when older than the retention (default 6 years, {@code seriescare.audit.retention}).
 */
public class AuditTrail {

    public static final String COLLECTION = "audit";

    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

    /**
     * One thing done to a patient's record.
     *
     * @param id the event's id
     * @param what the event type (e.g. {@code clinic.session.rescheduled.v1})
     * @param subject what it concerned (a session, a series, a form)
     * @param actor a user name, {@code patient} or {@code system}
     * @param at when it happened (the service's clock)
     * @param written when it was written (the wall clock): orders entries of the same moment
     */
    public record Entry(
            @Id String id, String patientId, String what, String subject, String actor, Instant at, Instant written) {}

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Period retention;

    public AuditTrail(MongoTemplate mongo, Clock clock, Period retention) {
        this.mongo = mongo;
        this.clock = clock;
        this.retention = retention;
        mongo.indexOps(COLLECTION)
                .createIndex(new Index("patientId", Sort.Direction.ASC).on("at", Sort.Direction.DESC));
        // the retention sweep: what is older than the retention, without reading the whole trail
        mongo.indexOps(COLLECTION).createIndex(new Index("at", Sort.Direction.ASC));
    }

    /**
     * Records the changes of a relay pass in one write. Some may have been recorded before (published again after a
     * crash between publishing and removing): each is recorded once, and the others are recorded all the same.
     */
    public void recordChanges(java.util.List<PendingEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        var bulk = mongo.bulkOps(org.springframework.data.mongodb.core.BulkOperations.BulkMode.UNORDERED, COLLECTION);
        for (PendingEvent event : events) {
            bulk.insert(new Entry(
                    event.eventId(),
                    event.key(),
                    event.ceType(),
                    event.subject(),
                    event.actor() == null ? Actors.SYSTEM : event.actor(),
                    event.time(),
                    event.writtenAt()));
        }
        try {
            bulk.execute();
        } catch (org.springframework.data.mongodb.BulkOperationException partly) {
            boolean onlyRecordedBefore = partly.getErrors().stream().allMatch(error -> error.getCode() == 11000);
            if (!onlyRecordedBefore) {
                throw partly;
            }
        }
    }

    /**
     * Records a change made to the patient's record in another service, learned from its event (a form the patient
     * sent, answers a clinician looked at): once, however often the event is delivered.
     *
     * @param eventId the event's id ({@code ce_id}): the entry's id
     * @param actor who made it ({@code ce_actor}); {@code system} when the event does not say
     */
    public void recordLearned(String eventId, String patientId, String what, String subject, String actor, Instant at) {
        try {
            mongo.insert(
                    new Entry(
                            eventId,
                            patientId,
                            what,
                            subject,
                            actor == null ? Actors.SYSTEM : actor,
                            at == null ? clock.instant() : at,
                            Instant.now()),
                    COLLECTION);
        } catch (org.springframework.dao.DuplicateKeyException deliveredBefore) {
            // the same event again (at-least-once delivery): recorded the first time
        }
    }

    /** A patient's history, newest first. */
    public List<Entry> of(String patientId) {
        return mongo.find(
                query(where("patientId").is(patientId)).with(Sort.by(Sort.Direction.DESC, "at", "written")),
                Entry.class,
                COLLECTION);
    }

    /** Removes what is older than the retention; returns how many entries went. */
    public long forgetExpired() {
        Instant before =
                clock.instant().atOffset(ZoneOffset.UTC).minus(retention).toInstant();
        long removed = mongo.remove(query(where("at").lt(before)), COLLECTION).getDeletedCount();
        if (removed > 0) {
            log.info("Audit trail: {} entries older than {} removed", removed, retention);
        }
        return removed;
    }
}
