package com.seriescare.notification.dispatch;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.seriescare.contracts.notification.MessageStatusChanged;
import com.seriescare.notification.consent.PendingTexts;
import com.seriescare.notification.planning.MessageKind;
import com.seriescare.notification.planning.PlannedMessage;
import com.seriescare.notification.planning.QuietHours;
import com.seriescare.notification.planning.TextSpacing;
import com.seriescare.servicesupport.outbox.Outbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Planned texts in MongoDB, shared by every instance: due work is claimed with {@code findAndModify} (status and
 * lease), so each text is claimed by one instance, and a dead instance's claims expire and are taken over.
 */
@Repository
public class OutgoingMessages implements PendingTexts {

    private final MongoTemplate mongo;

    private final Outbox outbox;

    private final Clock clock;

    private final TextMetrics metrics;

    OutgoingMessages(MongoTemplate mongo, Outbox outbox, Clock clock, TextMetrics metrics) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.clock = clock;
        this.metrics = metrics;
        // the hot paths: the next due text, a patient's or a session's texts (cancelling, spacing, the timeline), and
        // Twilio's status reports by message id
        var indexes = mongo.indexOps(OutgoingMessage.class);
        indexes.createIndex(
                new Index(OutgoingMessage.STATUS, Sort.Direction.ASC).on(OutgoingMessage.DUE_AT, Sort.Direction.ASC));
        indexes.createIndex(
                new Index("plan.patientId", Sort.Direction.ASC).on(OutgoingMessage.DUE_AT, Sort.Direction.ASC));
        // a patient's texts waiting for their details, looked up as each of the patient's events arrives:
        // by patient and status, not among every planned text (the store took the status index and read 200 texts
        // for each)
        indexes.createIndex(
                new Index("plan.patientId", Sort.Direction.ASC).on(OutgoingMessage.STATUS, Sort.Direction.ASC));
        indexes.createIndex(new Index("plan.sessionId", Sort.Direction.ASC));
        indexes.createIndex(new Index(OutgoingMessage.PROVIDER_ID, Sort.Direction.ASC));
    }

    /**
     * Saves a move of a text, with its status event, on the condition that the text is still where the move starts
     * from (and, while an instance holds it, still held by that instance); false when another move came first.
     *
     * @param also further conditions, e.g. that a lease has run out
     */
    boolean apply(OutgoingMessage message, TextChange change, Criteria... also) {
        Criteria where =
                where("_id").is(message.id()).and(OutgoingMessage.STATUS).in(change.from());
        if ((message.status() == MessageStatus.LEASED || message.status() == MessageStatus.SENDING)
                && message.leasedBy() != null) {
            where = where.and("leasedBy").is(message.leasedBy());
        }
        Query query = also.length == 0
                ? query(where)
                : query(new Criteria().andOperator(where, new Criteria().andOperator(also)));
        Update update = new Update();
        change.set().forEach(update::set);
        change.unset().forEach(update::unset);
        if (change.countsAnAttempt()) {
            update.inc("attempts", 1);
        }
        change.event()
                .ifPresent(event -> update.push("outbox")
                        .each(outbox.entriesFor(List.of(event)).toArray()));
        boolean applied =
                mongo.updateFirst(query, update, OutgoingMessage.class).getModifiedCount() == 1;
        if (applied) {
            change.event().ifPresent(event -> metrics.changed(message, event.status()));
        }
        return applied;
    }

    /**
     * Stores a planned text and, in the same insert, the event that announces it (so the front desk's timeline shows
     * texts before they go out); false when the same plan key was stored before (a replayed event).
     */
    public boolean plan(PlannedMessage plan) {
        return plan(plan, plan.dueAt());
    }

    /**
     * Plans a text for {@code due} rather than its plan's time (moved out of quiet hours): the plan keeps the time it
     * was meant for, from which it is timed afresh when the patient's zone becomes known ({@link #retimeForZone}).
     */
    public boolean plan(PlannedMessage plan, Instant due) {
        String id = UUID.randomUUID().toString();
        var announcement = outbox.entriesFor(List.of(new MessageStatusChanged(
                plan.patientId(),
                id,
                plan.kind().name().toLowerCase(Locale.ROOT),
                plan.seriesId(),
                plan.sessionId(),
                "planned",
                clock.instant(),
                due,
                null)));
        try {
            mongo.insert(OutgoingMessage.planned(id, plan, due, announcement));
            metrics.counted(plan, "planned");
            return true;
        } catch (DuplicateKeyException alreadyPlanned) {
            return false;
        }
    }

    /** Claims the next due text for {@code instance} until {@code now + lease}; empty when nothing is due. */
    Optional<OutgoingMessage> leaseNextDue(String instance, Instant now, Duration lease) {
        return leaseDue(instance, now, lease, 1).stream().findFirst();
    }

    /**
     * Claims up to {@code max} due texts for {@code instance} until {@code now + lease}: urgent ones first (a crisis
     * answer or a page must not queue behind a backlog of reminders), then those an instance left when it died, then the
     * earliest due. Searches find the candidates; they are then claimed by their ids on the condition that each is
     * still claimable, so a text another instance took in between is skipped, never shared. Each search names the
     * status and a range of one time, so the {status, dueAt} index answers it from the texts due by now, however many
     * are planned for the weeks ahead (docs/store-queries.md). The searches reach past {@code max} so that instances
     * polling at the same moment do not all chase the same few texts.
     */
    List<OutgoingMessage> leaseDue(String instance, Instant now, Duration lease, int max) {
        Criteria due = due(now);
        var candidates = new java.util.LinkedHashSet<Object>();
        candidates.addAll(ids(
                new Query(new Criteria().andOperator(due, where("plan.urgent").is(true)))
                        .with(Sort.by(OutgoingMessage.DUE_AT))
                        .limit(max * 2)));
        // a dead instance's texts were due before it took them: they go before the texts due now, as they did when
        // one search sorted both by due time (behind a backlog they would wait for all of it)
        candidates.addAll(ids(
                new Query(abandoned(now)).with(Sort.by(OutgoingMessage.DUE_AT)).limit(max * 2)));
        candidates.addAll(
                ids(new Query(due).with(Sort.by(OutgoingMessage.DUE_AT)).limit(max * 2)));
        List<Object> inLine = new ArrayList<>(candidates);
        List<OutgoingMessage> leased = new ArrayList<>();
        while (leased.size() < max && !inLine.isEmpty()) {
            List<Object> asked = List.copyOf(inLine.subList(0, Math.min(max - leased.size(), inLine.size())));
            inLine.subList(0, asked.size()).clear();
            leased.addAll(claim(asked, instance, now, lease));
        }
        return leased;
    }

    /**
     * Claims those of the texts that are still claimable, in two writes however many they are: one update marks them
     * with a holder no other lease uses (this instance and a fresh token), then they are read back by it. One
     * compare-and-set per text made leasing a batch of 50 cost 50 round trips, during which dispatch ran dry (B4 in
     * docs/benchmarks.md). The holder is what later moves of the text check ({@link #apply}). Returned in the order
     * asked.
     */
    private List<OutgoingMessage> claim(List<Object> ids, String instance, Instant now, Duration lease) {
        String holder = instance + "#" + UUID.randomUUID();
        mongo.updateMulti(
                query(new Criteria().andOperator(where("_id").in(ids), claimable(now))),
                new Update()
                        .set("status", MessageStatus.LEASED)
                        .set("leaseUntil", now.plus(lease))
                        .set("leasedBy", holder),
                OutgoingMessage.class);
        Map<String, OutgoingMessage> claimed =
                mongo.find(query(where("_id").in(ids).and("leasedBy").is(holder)), OutgoingMessage.class).stream()
                        .collect(Collectors.toMap(OutgoingMessage::id, message -> message));
        return ids.stream().map(claimed::get).filter(java.util.Objects::nonNull).toList();
    }

    private List<Object> ids(Query query) {
        query.fields().include("_id");
        return mongo.find(query, org.bson.Document.class, collection()).stream()
                .map(found -> found.get("_id"))
                .toList();
    }

    /** Due or abandoned: what a lease may claim. */
    private static Criteria claimable(Instant now) {
        return new Criteria().orOperator(due(now), abandoned(now));
    }

    /** Due and, when the sending rate held it back, its sender's turn has come. */
    private static Criteria due(Instant now) {
        // the turn is real time, not the clinic's clock: it is about the sender's rate
        return where("status")
                .is(MessageStatus.PLANNED)
                .and("dueAt")
                .lte(now)
                .orOperator(
                        where(OutgoingMessage.TURN_AT).is(null),
                        where(OutgoingMessage.TURN_AT).lte(Instant.now()));
    }

    /** Leased by an instance that died (or stopped renewing). */
    private static Criteria abandoned(Instant now) {
        return where("status").is(MessageStatus.LEASED).and("leaseUntil").lt(now);
    }

    private String collection() {
        return mongo.getCollectionName(OutgoingMessage.class);
    }

    /**
     * Texts that were being handed over when their instance died: their outcome is unknown, unless Twilio already
     * reported on them (then they were sent). Each is changed with the event that tells the timeline.
     */
    int markAbandonedSendsInDoubt(Instant now) {
        int changed = 0;
        Criteria abandoned =
                where("status").is(MessageStatus.SENDING).and("leaseUntil").lt(now);
        for (OutgoingMessage message : mongo.find(query(abandoned), OutgoingMessage.class)) {
            TextChange change = message.deliveryStatus() != null
                    ? message.settledByProvider(message.providerId(), "confirmed by the provider's report", now)
                    : message.inDoubt(OutgoingMessage.IN_DOUBT_AFTER_CRASH, now);
            if (apply(message, change, where("leaseUntil").lt(now))) {
                changed++;
            }
        }
        return changed;
    }

    /**
     * Cancels the session's texts that have not started going out, planned for a revision older than
     * {@code currentRevision} (all of them when it is {@code Integer.MAX_VALUE}). A dispatcher holding one of them
     * loses it: its own move to SENDING requires the LEASED status.
     */
    public int cancelPending(String sessionId, int currentRevision, String reason) {
        return cancelEach(
                where("plan.sessionId")
                        .is(sessionId)
                        .and("plan.kind")
                        .nin(untouchedBy(currentRevision))
                        .and("plan.sessionRevision")
                        .lt(currentRevision),
                reason);
    }

    /**
     * Cancels, one text at a time, the matching texts that have not started going out, each with the event that says
     * so and why. A text a dispatcher moved on meanwhile is left as it is. Should this stop halfway, the triggering
     * event is redelivered and the rest are cancelled then.
     */
    private int cancelEach(Criteria matching, String reason) {
        Criteria pending = where("status").in(MessageStatus.PLANNED, MessageStatus.LEASED);
        int cancelled = 0;
        for (OutgoingMessage message :
                mongo.find(query(new Criteria().andOperator(matching, pending)), OutgoingMessage.class)) {
            if (apply(message, message.cancel(reason, clock.instant()))) {
                cancelled++;
            }
        }
        return cancelled;
    }

    /**
     * The cancellation notice outlives the session it is about. A checklist link outlives a move (intake-service
     * requests it again with the new deadline, and {@link #supersedeChecklistLink} replaces it), not a cancellation.
     */
    private static List<MessageKind> untouchedBy(int currentRevision) {
        return currentRevision == Integer.MAX_VALUE
                ? List.of(MessageKind.SESSION_CANCELLED)
                : List.of(MessageKind.SESSION_CANCELLED, MessageKind.CHECKLIST_LINK);
    }

    /**
     * A session's checklist was requested again (the session moved): its earlier link text, if not out yet, is not
     * sent. Found by equality on the session (one checklist per session), not by a key prefix: a regex on the key is
     * a construct the local store's H2 backend rejects (see docs/store-queries.md).
     */
    public int supersedeChecklistLink(String sessionId, String newPlanKey) {
        return cancelEach(
                where("plan.kind")
                        .is(MessageKind.CHECKLIST_LINK)
                        .and("plan.sessionId")
                        .is(sessionId)
                        .and("plan.planKey")
                        .ne(newPlanKey),
                "the checklist was requested again with a new deadline");
    }

    /** Cancels every text of the patient that has not started going out (consent withdrawn). */
    @Override
    public int cancelPendingForPatient(String patientId, String reason) {
        // not the answers to what the patient wrote (a crisis answer, HELP): they go to whoever wrote, consent or not,
        // and a STOP's echo from scheduling-service may arrive after a crisis answer was planned
        return cancelEach(where("plan.patientId").is(patientId).and("plan.to").is(null), reason);
    }

    /**
     * Records what the provider says became of a text, and publishes it. Statuses only move forward
     * (queued, sending, sent, then delivered, undelivered or failed), so a late or repeated callback changes nothing.
     *
     * @param messageId our id of the text, when the report's URL names it (null for older texts)
     * @param reason what went wrong, for an undelivered or failed text (the provider's error); null otherwise
     * @return the text, when the status was news for a known text
     */
    public Optional<OutgoingMessage> recordDeliveryStatus(
            String messageId, String providerId, String status, String reason, Instant at) {
        // by our id when the report names it: it may arrive before our own record of Twilio's id has landed
        OutgoingMessage message = messageId != null
                ? mongo.findById(messageId, OutgoingMessage.class)
                : mongo.findOne(query(where("providerId").is(providerId)), OutgoingMessage.class);
        if (message == null) {
            return Optional.empty();
        }
        Optional<TextChange> change = message.deliveryReported(status, reason, at);
        Criteria notNewsYet = new Criteria()
                .orOperator(
                        where(OutgoingMessage.DELIVERY_STATUS).exists(false),
                        where(OutgoingMessage.DELIVERY_STATUS).in(OutgoingMessage.deliveryStatusesBefore(status)));
        return change.isPresent() && apply(message, change.get(), notNewsYet) ? Optional.of(message) : Optional.empty();
    }

    /** Texts in doubt since before {@code cutoff} of which the provider never reported (ADR 0002). */
    List<OutgoingMessage> inDoubtSince(Instant cutoff) {
        return mongo.find(
                query(where("status")
                        .is(MessageStatus.IN_DOUBT)
                        .and("inDoubtSince")
                        .lt(cutoff)
                        .and("deliveryStatus")
                        .exists(false)),
                OutgoingMessage.class);
    }

    /**
     * A text in doubt that the provider has no record of: planned again at once, with the event that says so; false
     * when it is no longer in that doubt (every instance looks up what it reads in doubt: another may have planned it
     * again already, and be handing it over).
     */
    boolean replanInDoubt(OutgoingMessage inDoubt, Instant now) {
        return apply(inDoubt, inDoubt.notInProviderRecords(now), stillInThatDoubt(inDoubt));
    }

    /** A text in doubt found in the provider's records: it was sent, under that id. */
    void settleFoundInProviderRecords(OutgoingMessage inDoubt, String providerId, Instant now) {
        apply(
                inDoubt,
                inDoubt.settledByProvider(providerId, "found in the provider's records", now),
                stillInThatDoubt(inDoubt));
    }

    private static Criteria stillInThatDoubt(OutgoingMessage inDoubt) {
        return where(OutgoingMessage.STATUS)
                .is(MessageStatus.IN_DOUBT)
                .and(OutgoingMessage.IN_DOUBT_SINCE)
                .is(inDoubt.inDoubtSince());
    }

    /**
     * A report from the provider proves the text was accepted, whatever its state here: in doubt, or still being
     * handed over (the report beat the provider's answer, or the instance died after the provider accepted it). It is
     * sent, under this id, and will not be sent again.
     */
    public void settleByProviderReport(String messageId, String providerId, Instant at) {
        OutgoingMessage message = mongo.findById(messageId, OutgoingMessage.class);
        if (message == null
                || (message.status() != MessageStatus.IN_DOUBT && message.status() != MessageStatus.SENDING)) {
            return;
        }
        apply(message, message.settledByProvider(providerId, "confirmed by the provider's report", at));
    }

    /**
     * Something a patient's waiting texts waited for has arrived (their contact details, a booking): each text of
     * theirs that waits for it and is not due yet is due now, and the dispatcher decides again whether it can go.
     * Returns how many were brought forward.
     */
    public int endWaits(String patientId, Instant now) {
        int resumed = 0;
        for (OutgoingMessage message : mongo.find(
                query(where("plan.patientId")
                        .is(patientId)
                        .and(OutgoingMessage.STATUS)
                        .is(MessageStatus.PLANNED)
                        .and(OutgoingMessage.WAITING_FOR_CONTACT_SINCE)
                        .ne(null)
                        // still waiting: not since held for another reason (re-timed for quiet hours, say)
                        .and(OutgoingMessage.REASON)
                        .is(OutgoingMessage.WAITING_FOR_CONTACT)),
                OutgoingMessage.class)) {
            if (message.dueAt().isAfter(now)
                    && apply(
                            message,
                            message.waitIsOver(now),
                            where(OutgoingMessage.DUE_AT).is(message.dueAt()))) {
                resumed++;
            }
        }
        return resumed;
    }

    /**
     * The patient's zone became known (or changed): their texts still waiting were timed in the clinic's zone (or the
     * old one), so each is timed afresh in this one ({@link OutgoingMessage#retimedFor}), later or earlier, and the
     * timeline told why. Replies and urgent texts are not touched. Returns how many moved.
     */
    public int retimeForZone(String patientId, ZoneId zone, QuietHours quietHours, Instant now) {
        int moved = 0;
        for (OutgoingMessage message : mongo.find(
                query(where("plan.patientId").is(patientId).and("status").is(MessageStatus.PLANNED)),
                OutgoingMessage.class)) {
            Optional<Instant> due = message.retimedFor(zone, quietHours, now);
            if (due.isPresent()
                    && apply(
                            message,
                            message.retime(due.get(), zone, now),
                            where(OutgoingMessage.DUE_AT).is(message.dueAt()))) {
                moved++;
            }
        }
        return moved;
    }

    /**
     * The patient's other non-urgent texts around {@code now}, among {@code patientTexts} (all of theirs): those sent
     * since {@code from} and those waiting to go out until {@code to}, for
     * {@link com.seriescare.notification.planning.TextSpacing}. Answers to the patient's own texts do not count.
     */
    static Neighbours neighboursAmong(
            OutgoingMessage message, List<OutgoingMessage> patientTexts, Instant from, Instant now, Instant to) {
        List<TextSpacing.Neighbour> sent = new ArrayList<>();
        List<TextSpacing.Neighbour> planned = new ArrayList<>();
        for (OutgoingMessage other : patientTexts) {
            if (other.id().equals(message.id())
                    || other.plan().urgent()
                    || other.plan().isReply()) {
                continue;
            }
            boolean out = other.status() == MessageStatus.SENT
                    || other.status() == MessageStatus.SENDING
                    || other.status() == MessageStatus.IN_DOUBT;
            Instant sentAt = other.sentAt() != null ? other.sentAt() : other.dueAt();
            if (out && !sentAt.isBefore(from) && !sentAt.isAfter(now)) {
                sent.add(new TextSpacing.Neighbour(other.plan().kind(), sentAt));
            }
            boolean waiting = other.status() == MessageStatus.PLANNED || other.status() == MessageStatus.LEASED;
            if (waiting && !other.dueAt().isAfter(to)) {
                planned.add(new TextSpacing.Neighbour(other.plan().kind(), other.dueAt()));
            }
        }
        return new Neighbours(sent, planned);
    }

    /**
     * Every text of these patients, by patient, in one search: what a batch's spacing decisions start from (a search
     * per text read the whole collection per text on a store without secondary indexes).
     */
    Map<String, List<OutgoingMessage>> ofPatients(Collection<String> patientIds) {
        if (patientIds.isEmpty()) {
            return Map.of();
        }
        return mongo.find(query(where("plan.patientId").in(patientIds)), OutgoingMessage.class).stream()
                .collect(Collectors.groupingBy(text -> text.plan().patientId()));
    }

    record Neighbours(List<TextSpacing.Neighbour> sent, List<TextSpacing.Neighbour> planned) {}

    /** Whether a text of this kind went to the patient since {@code since}. */
    /**
     * A text of this kind went to the patient since then. One still being handed over (or in doubt) counts from the
     * hand-over: a patient may answer the text before Twilio's answer to us is saved, and can only answer what came.
     */
    public boolean sentSince(String patientId, com.seriescare.notification.planning.MessageKind kind, Instant since) {
        return mongo.exists(
                query(new Criteria()
                        .andOperator(
                                where("plan.patientId")
                                        .is(patientId)
                                        .and("plan.kind")
                                        .is(kind),
                                new Criteria()
                                        .orOperator(
                                                where(OutgoingMessage.STATUS)
                                                        .is(MessageStatus.SENT)
                                                        .and(OutgoingMessage.SENT_AT)
                                                        .gte(since),
                                                where(OutgoingMessage.STATUS)
                                                        .in(MessageStatus.SENDING, MessageStatus.IN_DOUBT)
                                                        .and(OutgoingMessage.HANDED_OVER_AT)
                                                        .gte(since)))),
                OutgoingMessage.class);
    }

    public List<OutgoingMessage> forPatient(String patientId) {
        return mongo.find(query(where("plan.patientId").is(patientId)).with(Sort.by("dueAt")), OutgoingMessage.class);
    }
}
