package com.seriescare.scheduling.inbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.seriescare.contracts.care.CareAlertAcknowledged;
import com.seriescare.contracts.care.CareAlertEscalated;
import com.seriescare.contracts.care.CareAlertHandled;
import com.seriescare.contracts.care.CareAlertRaised;
import com.seriescare.contracts.care.PatientWordsRecorded;
import com.seriescare.contracts.notification.InboundMessageReceived;
import com.seriescare.scheduling.patients.Patients;
import com.seriescare.scheduling.shared.NotFound;
import com.seriescare.servicesupport.outbox.Outbox;
import com.seriescare.servicesupport.security.CurrentUser;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * What the front desk must read: care alerts and replies that need a human, from {@code care.alerts} and
 * {@code notification.events}. Items are inserted under the event's own id, so a redelivered event is refused by
 * the store and changes nothing; marking one handled records who and when, once. What the patient wrote comes apart,
 * on {@code care.patient-words} (a topic only this service reads), in whichever order; it is kept beside the items
 * and joined when they are shown.
 */
@Component
public class Inbox {

    static final String COLLECTION = "inbox";

    /** What patients wrote, under the key of the item it belongs to ({@link #wordsKey}). */
    static final String WORDS = "inbox_words";

    /** How urgency sorts: urgent first, then high, then the rest. */
    private static final Map<String, Integer> SEVERITY = Map.of("urgent", 0, "high", 1);

    /** How many handled items stay on the page, for "who took care of that?". */
    private static final int HANDLED_SHOWN = 30;

    private final MongoTemplate mongo;
    private final Outbox outbox;
    private final Patients patients;
    private final CurrentUser user;
    private final Clock clock;

    Inbox(MongoTemplate mongo, Outbox outbox, Patients patients, CurrentUser user, Clock clock) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.patients = patients;
        this.user = user;
        this.clock = clock;
        mongo.indexOps(COLLECTION)
                .createIndex(new Index("clinicId", Sort.Direction.ASC).on("handledAt", Sort.Direction.ASC));
    }

    public void on(CareAlertRaised alert) {
        boolean stranger = InboundMessageReceived.UNKNOWN_SENDER.equals(alert.patientId());
        add(new InboxItem(
                alert.alertId(),
                stranger ? alert.clinicId() : clinicOf(alert.patientId()),
                alert.patientId(),
                "care_alert",
                alert.reason(),
                alert.severity(),
                null,
                null,
                alert.raisedAt(),
                null,
                null));
    }

    /** The on-call clinician acknowledged the page (by SMS, or here: then this is our own news coming back). */
    public void on(CareAlertAcknowledged ack) {
        mongo.updateFirst(
                query(where("_id")
                        .is(ack.alertId())
                        .and("paging.acknowledgedAt")
                        .isNull()),
                new Update()
                        .set("paging.acknowledgedBy", ack.acknowledgedBy())
                        .set("paging.acknowledgedAt", ack.acknowledgedAt())
                        .set("paging.via", ack.via()),
                COLLECTION);
    }

    /** Nobody acknowledged in time: the next clinician is paged, and the alert shows red everywhere. */
    public void on(CareAlertEscalated escalated) {
        mongo.updateFirst(
                query(where("_id")
                        .is(escalated.alertId())
                        .and("paging.acknowledgedAt")
                        .isNull()
                        .orOperator(
                                where("paging.round").lt(escalated.round()),
                                where("paging.round").isNull())),
                new Update()
                        .set("paging.pagedName", escalated.pagedName())
                        .set("paging.round", escalated.round())
                        .set("paging.escalatedAt", escalated.escalatedAt()),
                COLLECTION);
    }

    /**
     * A clinician of the alert's clinic has it in hand: recorded once, with who and when, and published so paging stops.
     */
    public void acknowledge(String alertId) {
        var item = mongo.findById(alertId, InboxItem.class, COLLECTION);
        if (item == null
                || !"care_alert".equals(item.source())
                || (item.clinicId() != null && !item.clinicId().equals(user.clinicId()))) {
            throw new NotFound("Alert", alertId);
        }
        Instant now = clock.instant();
        var ack = new CareAlertAcknowledged(
                item.patientId(),
                alertId,
                item.clinicId() != null ? item.clinicId() : user.clinicId(),
                user.username(),
                CareAlertAcknowledged.WEB,
                now);
        mongo.updateFirst(
                query(where("_id").is(alertId).and("paging.acknowledgedAt").isNull()),
                new Update()
                        .set("paging.acknowledgedBy", user.username())
                        .set("paging.acknowledgedAt", now)
                        .set("paging.via", CareAlertAcknowledged.WEB)
                        .push("outbox")
                        .each(outbox.entriesFor(List.of(ack)).toArray()),
                COLLECTION);
    }

    /** The caller's clinic's care alerts, open ones first (urgent on top), then the latest handled ones. */
    public List<InboxItem> alerts() {
        return items(where("source").is("care_alert"));
    }

    /** One alert of the caller's clinic. */
    public InboxItem alert(String alertId) {
        return withWords(List.of(Optional.ofNullable(mongo.findById(alertId, InboxItem.class, COLLECTION))
                        .filter(item -> "care_alert".equals(item.source()))
                        .filter(item ->
                                item.clinicId() == null || item.clinicId().equals(user.clinicId()))
                        .orElseThrow(() -> new NotFound("Alert", alertId))))
                .getFirst();
    }

    /** The words behind a reply or an alert; they may come before or after it. */
    public void on(PatientWordsRecorded words) {
        mongo.upsert(
                query(where("_id").is(words.about() + ":" + words.patientId())),
                new Update().set("words", words.words()).set("recordedAt", words.recordedAt()),
                WORDS);
    }

    public void on(InboundMessageReceived reply) {
        if (!reply.needsHuman() || reply.intent().equals("crisis")) {
            return; // a crisis reply comes as an urgent care alert with the same words; one item is enough
        }
        String patientId = InboundMessageReceived.UNKNOWN_SENDER.equals(reply.patientId()) ? null : reply.patientId();
        // a reply from an unknown number belongs to the clinic whose number it reached (replies before replies named
        // a clinic: every clinic's front desk sees it)
        String clinicId = patientId == null ? reply.clinicId() : clinicOf(patientId);
        add(new InboxItem(
                reply.inboundId() + ":" + reply.patientId(),
                clinicId,
                patientId,
                "reply",
                reply.intent(),
                "normal",
                null,
                reply.fromPhoneLast4(),
                reply.receivedAt(),
                null,
                null));
    }

    /**
     * The caller's clinic's open items (urgent on top, then the newest), then the most recently handled ones (the
     * older handled ones stay stored but are not shown).
     */
    public List<InboxItem> items() {
        return items(where("topic").ne(ANSWERS_TO_REVIEW));
    }

    /**
     * A form's answers to review are the clinicians' alone (what the patient answered, not that they need a call): not
     * in the front desk's inbox, which shows that a patient is flagged on Today instead.
     */
    static final String ANSWERS_TO_REVIEW = "answers_to_review";

    private List<InboxItem> items(Criteria which) {
        List<InboxItem> open = mongo
                .find(
                        query(new Criteria()
                                .andOperator(
                                        ofCallersClinic(),
                                        which,
                                        where("handledAt").isNull())),
                        InboxItem.class,
                        COLLECTION)
                .stream()
                .sorted(Comparator.comparing((InboxItem item) -> SEVERITY.getOrDefault(item.severity(), 2))
                        .thenComparing(InboxItem::receivedAt, Comparator.reverseOrder()))
                .toList();
        List<InboxItem> handled = mongo.find(
                query(new Criteria()
                                .andOperator(
                                        ofCallersClinic(),
                                        which,
                                        where("handledAt").ne(null)))
                        .with(Sort.by(Sort.Direction.DESC, "handledAt"))
                        .limit(HANDLED_SHOWN),
                InboxItem.class,
                COLLECTION);
        return withWords(
                java.util.stream.Stream.concat(open.stream(), handled.stream()).toList());
    }

    private List<InboxItem> withWords(List<InboxItem> items) {
        Map<String, String> words = new java.util.HashMap<>();
        mongo.find(query(where("_id").in(items.stream().map(Inbox::wordsKey).toList())), org.bson.Document.class, WORDS)
                .forEach(found -> words.put(found.getString("_id"), found.getString("words")));
        return items.stream()
                .map(item -> words.containsKey(wordsKey(item)) ? item.withText(words.get(wordsKey(item))) : item)
                .toList();
    }

    /** A reply's item id is already its inboundId and patient; an alert's words are keyed by alertId and patient. */
    private static String wordsKey(InboxItem item) {
        return "reply".equals(item.source()) ? item.id() : item.id() + ":" + item.patientId();
    }

    /** How many items of the caller's clinic wait for someone, and how many of those are urgent. */
    public Waiting waiting() {
        Criteria open = new Criteria()
                .andOperator(
                        ofCallersClinic(),
                        where("topic").ne(ANSWERS_TO_REVIEW),
                        where("handledAt").isNull());
        long all = mongo.count(query(open), COLLECTION);
        long urgent = all == 0
                ? 0
                : mongo.count(
                        query(new Criteria().andOperator(open, where("severity").is("urgent"))), COLLECTION);
        long escalated = urgent == 0
                ? 0
                : mongo.count(
                        query(new Criteria()
                                .andOperator(
                                        open,
                                        where("severity").is("urgent"),
                                        where("paging.round").gt(1),
                                        where("paging.acknowledgedAt").isNull())),
                        COLLECTION);
        return new Waiting(all, urgent, escalated);
    }

    /** @param escalated urgent alerts nobody acknowledged in time (the next on-call clinician is being paged) */
    public record Waiting(long open, long urgent, long escalated) {}

    private Criteria ofCallersClinic() {
        return new Criteria()
                .orOperator(
                        where("clinicId").is(user.clinicId()), where("clinicId").isNull());
    }

    /**
     * Records that the signed-in user handled the item; a second click changes nothing. A care alert's handling is
     * published ({@code CareAlertHandled}). A form's answers to review can be handled by a clinician only.
     */
    public void markHandled(String itemId, boolean byClinician) {
        var item = mongo.findById(itemId, InboxItem.class, COLLECTION);
        if (item == null
                || (item.clinicId() != null && !item.clinicId().equals(user.clinicId()))
                || (!byClinician && ANSWERS_TO_REVIEW.equals(item.topic()))) {
            throw new NotFound("Inbox item", itemId);
        }
        Instant now = clock.instant();
        Update handled = new Update().set("handledBy", user.username()).set("handledAt", now);
        if ("care_alert".equals(item.source()) && item.patientId() != null) {
            // others act on it too: intake-service takes a review alert's handling as the form's review
            handled.push("outbox")
                    .each(outbox.entriesFor(List.of(new CareAlertHandled(
                                    item.patientId(),
                                    itemId,
                                    item.clinicId() != null ? item.clinicId() : user.clinicId(),
                                    user.username(),
                                    now)))
                            .toArray());
        }
        mongo.updateFirst(query(where("_id").is(itemId).and("handledAt").isNull()), handled, COLLECTION);
    }

    /**
     * A form's answers were reviewed in intake-service (its API, or this inbox's alert handled): the alert that asked
     * for the review is handled, by that clinician and then, if it is still open. Nothing is published: intake-service
     * has the review already.
     */
    public void on(com.seriescare.contracts.intake.IntakeReviewed reviewed) {
        mongo.updateFirst(
                query(where("_id").is(reviewed.reviewAlertId()).and("handledAt").isNull()),
                new Update().set("handledBy", reviewed.reviewedBy()).set("handledAt", reviewed.reviewedAt()),
                COLLECTION);
    }

    private void add(InboxItem item) {
        try {
            mongo.insert(item, COLLECTION);
        } catch (DuplicateKeyException seenBefore) {
            // a redelivered event
        }
    }

    /** The patient's clinic. */
    private String clinicOf(String patientId) {
        return patientId == null ? null : patients.clinicOf(patientId).orElse(null);
    }

    /** The names of the items' patients, by patient id (those of the caller's clinic). */
    public Map<String, String> namesOf(List<InboxItem> items) {
        Map<String, String> names = new java.util.HashMap<>();
        items.stream()
                .map(InboxItem::patientId)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .forEach(patientId -> {
                    String name = nameOf(patientId);
                    if (name != null) {
                        names.put(patientId, name);
                    }
                });
        return names;
    }

    /** A patient's name for the inbox, when the patient is of the caller's clinic. */
    public String nameOf(String patientId) {
        return patientId == null
                ? null
                : patients.find(patientId)
                        .map(patient -> patient.firstName() + " " + patient.lastName())
                        .orElse(null);
    }
}
