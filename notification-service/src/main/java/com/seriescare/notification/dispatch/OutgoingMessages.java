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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
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

    OutgoingMessages(MongoTemplate mongo, Outbox outbox, Clock clock) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Adds to a status update the event that tells the front desk and integrations how the text is doing, so the
     * change and its event are saved together.
     *
     * @param status as published: planned, sent, delivered, failed, cancelled, in_doubt, ...
     * @param reason why it was cancelled, failed or is in doubt; null otherwise
     */
    Update withStatusEvent(OutgoingMessage message, String status, Instant at, String reason, Update update) {
        return update.push("outbox")
                .each(entries(statusEvent(message.id(), message.plan(), status, at, message.dueAt(), reason)));
    }

    /**
     * Puts a text back to wait until {@code dueAt} (quiet hours, a retry, missing contact details) and tells the
     * timeline its new time and why, in the same update.
     */
    Update replanned(OutgoingMessage message, Instant dueAt, String reason, Instant now) {
        return new Update()
                .set("status", MessageStatus.PLANNED)
                .set("dueAt", dueAt)
                .set("reason", reason)
                .push("outbox")
                .each(entries(statusEvent(message.id(), message.plan(), "planned", now, dueAt, reason)));
    }

    /**
     * Puts a text back to wait for its patient's contact details until {@code dueAt}. The timeline hears of the
     * first wait only; the retries that follow change nothing it shows.
     */
    Update waitingForContact(OutgoingMessage message, Instant dueAt, Instant now) {
        if (message.waitingForContactSince() == null) {
            return replanned(message, dueAt, WAITING_FOR_CONTACT, now).set("waitingForContactSince", now);
        }
        return new Update().set("status", MessageStatus.PLANNED).set("dueAt", dueAt);
    }

    static final String WAITING_FOR_CONTACT = "waiting for the patient's contact details";

    private static MessageStatusChanged statusEvent(
            String messageId, PlannedMessage plan, String status, Instant at, Instant dueAt, String reason) {
        return new MessageStatusChanged(
                plan.patientId(),
                messageId,
                plan.kind().name().toLowerCase(Locale.ROOT),
                plan.seriesId(),
                plan.sessionId(),
                status,
                at,
                dueAt,
                reason);
    }

    private Object[] entries(MessageStatusChanged event) {
        return outbox.entriesFor(List.of(event)).toArray();
    }

    /**
     * Stores a planned text and, in the same insert, the event that announces it (so the front desk's timeline shows
     * texts before they go out); false when the same plan key was stored before (a replayed event).
     */
    public boolean plan(PlannedMessage plan) {
        String id = UUID.randomUUID().toString();
        var announcement =
                outbox.entriesFor(List.of(statusEvent(id, plan, "planned", clock.instant(), plan.dueAt(), null)));
        try {
            mongo.insert(OutgoingMessage.planned(id, plan, announcement));
            return true;
        } catch (DuplicateKeyException alreadyPlanned) {
            return false;
        }
    }

    /** Claims the next due text for {@code instance} until {@code now + lease}; empty when nothing is due. */
    Optional<OutgoingMessage> leaseNextDue(String instance, Instant now, Duration lease) {
        Criteria due = where("status").is(MessageStatus.PLANNED).and("dueAt").lte(now);
        Criteria abandoned =
                where("status").is(MessageStatus.LEASED).and("leaseUntil").lt(now);
        Query next = new Query(new Criteria().orOperator(due, abandoned)).with(Sort.by("dueAt"));
        Update claim = new Update()
                .set("status", MessageStatus.LEASED)
                .set("leaseUntil", now.plus(lease))
                .set("leasedBy", instance);
        return Optional.ofNullable(mongo.findAndModify(
                next, claim, FindAndModifyOptions.options().returnNew(true), OutgoingMessage.class));
    }

    /** Moves a text this instance holds to the next status; false when the lease was lost meanwhile. */
    boolean transition(OutgoingMessage held, MessageStatus from, Update update) {
        var result = mongo.updateFirst(
                query(where("_id")
                        .is(held.id())
                        .and("status")
                        .is(from)
                        .and("leasedBy")
                        .is(held.leasedBy())),
                update,
                OutgoingMessage.class);
        return result.getModifiedCount() == 1;
    }

    /**
     * Texts that were being handed over when their instance died: their outcome is unknown, unless Twilio already
     * reported on them (then they were sent). Each is changed with the event that tells the timeline.
     */
    int markAbandonedSendsInDoubt(Instant now) {
        int changed = 0;
        for (OutgoingMessage abandoned : mongo.find(
                query(where("status")
                        .is(MessageStatus.SENDING)
                        .and("leaseUntil")
                        .lt(now)),
                OutgoingMessage.class)) {
            Update update = abandoned.deliveryStatus() != null
                    ? sentAsReported(abandoned, abandoned.providerId(), now)
                    : withStatusEvent(
                            abandoned,
                            "in_doubt",
                            now,
                            IN_DOUBT_AFTER_CRASH,
                            new Update()
                                    .set("status", MessageStatus.IN_DOUBT)
                                    .set("inDoubtSince", now)
                                    .set("reason", IN_DOUBT_AFTER_CRASH));
            changed += (int) mongo.updateFirst(
                            query(where("_id")
                                    .is(abandoned.id())
                                    .and("status")
                                    .is(MessageStatus.SENDING)
                                    .and("leaseUntil")
                                    .lt(now)),
                            update,
                            OutgoingMessage.class)
                    .getModifiedCount();
        }
        return changed;
    }

    static final String IN_DOUBT_AFTER_CRASH = "the instance stopped while handing it to the provider";

    /** The text went out: Twilio reported on it under {@code providerId}. */
    private Update sentAsReported(OutgoingMessage message, String providerId, Instant at) {
        String reason = "confirmed by the provider's report";
        Update update = new Update()
                .set("status", MessageStatus.SENT)
                .set("sentAt", message.sentAt() != null ? message.sentAt() : at)
                .unset("inDoubtSince")
                .set("reason", reason);
        if (providerId != null) {
            update.set("providerId", providerId);
        }
        return withStatusEvent(message, "sent", at, reason, update);
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
            var result = mongo.updateFirst(
                    query(where("_id").is(message.id()).andOperator(pending)),
                    withStatusEvent(
                            message,
                            "cancelled",
                            clock.instant(),
                            reason,
                            new Update().set("status", MessageStatus.CANCELLED).set("reason", reason)),
                    OutgoingMessage.class);
            cancelled += (int) result.getModifiedCount();
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
        return cancelEach(where("plan.patientId").is(patientId), reason);
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
        int rank = DELIVERY_RANK.getOrDefault(status, -1);
        if (rank < 0) {
            return Optional.empty();
        }
        List<String> older = DELIVERY_RANK.entrySet().stream()
                .filter(e -> e.getValue() < rank)
                .map(Map.Entry::getKey)
                .toList();
        // by our id when the report names it: it may arrive before our own record of Twilio's id has landed
        OutgoingMessage message = messageId != null
                ? mongo.findById(messageId, OutgoingMessage.class)
                : mongo.findOne(query(where("providerId").is(providerId)), OutgoingMessage.class);
        if (message == null) {
            return Optional.empty();
        }
        Update update = new Update().set("deliveryStatus", status);
        if (reason != null) {
            update.set("reason", reason);
        }
        var result = mongo.updateFirst(
                query(where("_id")
                        .is(message.id())
                        .orOperator(
                                where("deliveryStatus").exists(false),
                                where("deliveryStatus").in(older))),
                withStatusEvent(message, status, at, reason, update),
                OutgoingMessage.class);
        return result.getModifiedCount() == 1 ? Optional.of(message) : Optional.empty();
    }

    private static final Map<String, Integer> DELIVERY_RANK =
            Map.of("accepted", 0, "queued", 0, "sending", 1, "sent", 2, "delivered", 3, "undelivered", 3, "failed", 3);

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

    /** A text in doubt that the provider has no record of: planned again at once, with the event that says so. */
    boolean replanInDoubt(OutgoingMessage inDoubt, Instant now) {
        return mongo.updateFirst(
                                query(where("_id")
                                        .is(inDoubt.id())
                                        .and("status")
                                        .is(MessageStatus.IN_DOUBT)),
                                replanned(inDoubt, now, "the provider has no record of it; sending again", now)
                                        .unset("inDoubtSince"),
                                OutgoingMessage.class)
                        .getModifiedCount()
                == 1;
    }

    /** A text in doubt found in the provider's records: it was sent, under that id. */
    void settleFoundInProviderRecords(OutgoingMessage inDoubt, String providerId, Instant now) {
        mongo.updateFirst(
                query(where("_id").is(inDoubt.id()).and("status").is(MessageStatus.IN_DOUBT)),
                sentAsReported(inDoubt, providerId, now).set("reason", "found in the provider's records"),
                OutgoingMessage.class);
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
        mongo.updateFirst(
                query(where("_id").is(messageId).and("status").in(MessageStatus.IN_DOUBT, MessageStatus.SENDING)),
                sentAsReported(message, providerId, at),
                OutgoingMessage.class);
    }

    /**
     * The patient's zone became known (or changed): their texts still waiting were timed in the clinic's zone, so each
     * that now falls in the patient's quiet hours is moved to when they end, and the timeline told why. Replies and
     * urgent texts are not touched. Returns how many moved.
     */
    public int retimeForZone(String patientId, ZoneId zone, QuietHours quietHours, Instant now) {
        int moved = 0;
        for (OutgoingMessage message : mongo.find(
                query(where("plan.patientId").is(patientId).and("status").is(MessageStatus.PLANNED)),
                OutgoingMessage.class)) {
            if (message.plan().urgent() || message.plan().isReply() || !quietHours.contains(message.dueAt(), zone)) {
                continue;
            }
            Instant morning = quietHours.firstAllowedAfter(message.dueAt(), zone);
            var result = mongo.updateFirst(
                    query(where("_id").is(message.id()).and("status").is(MessageStatus.PLANNED)),
                    replanned(message, morning, "re-timed for the patient's quiet hours in " + zone, now),
                    OutgoingMessage.class);
            moved += (int) result.getModifiedCount();
        }
        return moved;
    }

    /**
     * The patient's other non-urgent texts around {@code now}: those sent since {@code from} and those waiting to go
     * out until {@code to}, for {@link com.seriescare.notification.planning.TextSpacing}. Answers to the patient's own
     * texts do not count.
     */
    Neighbours neighboursOf(OutgoingMessage message, Instant from, Instant now, Instant to) {
        List<TextSpacing.Neighbour> sent = new java.util.ArrayList<>();
        List<TextSpacing.Neighbour> planned = new java.util.ArrayList<>();
        for (OutgoingMessage other : mongo.find(
                query(where("plan.patientId")
                        .is(message.plan().patientId())
                        .and("_id")
                        .ne(message.id())),
                OutgoingMessage.class)) {
            if (other.plan().urgent() || other.plan().isReply()) {
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

    record Neighbours(List<TextSpacing.Neighbour> sent, List<TextSpacing.Neighbour> planned) {}

    /** Whether a text of this kind went to the patient since {@code since}. */
    public boolean sentSince(String patientId, com.seriescare.notification.planning.MessageKind kind, Instant since) {
        return mongo.exists(
                query(where("plan.patientId")
                        .is(patientId)
                        .and("plan.kind")
                        .is(kind)
                        .and("status")
                        .is(MessageStatus.SENT)
                        .and("sentAt")
                        .gte(since)),
                OutgoingMessage.class);
    }

    public List<OutgoingMessage> forPatient(String patientId) {
        return mongo.find(query(where("plan.patientId").is(patientId)).with(Sort.by("dueAt")), OutgoingMessage.class);
    }
}
