package com.seriescare.notification.dispatch;

import com.seriescare.contracts.notification.MessageStatusChanged;
import com.seriescare.notification.planning.PlannedMessage;
import com.seriescare.notification.planning.QuietHours;
import com.seriescare.servicesupport.outbox.PendingEvent;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A planned text and what became of it. {@code waitingForContactSince} is set while it waits for the patient's
 * contact details (they travel on another partition and may lag); a text waits for them only so long.
 * {@code sentTo}, {@code fingerprint} (SHA-256 of its words) and {@code handedOverAt} are set as it is handed to the
 * provider, so a hand-over cut short can be looked up in the provider's records before anything is sent again.
 * {@code traceparent} is the trace it was planned in, continued when it is dispatched. {@code turnAt}, in real time,
 * is its sender's next turn when the sending rate held it back: due as it is, it waits for that moment too.
 *
 * <p>The unique {@code planKey} makes planning idempotent: a replayed event plans the same key again and the insert
 * is refused.
 *
 * <p>Its life is the transitions below: each checks the status the text is in, and returns the {@link TextChange}
 * to save, with the status event it publishes. The dispatcher decides which move to make; the repository saves it
 * on the condition that the text is still where the move starts from.
 */
@Document(OutgoingMessage.COLLECTION)
public record OutgoingMessage(
        @Id String id,
        @Indexed(unique = true) String planKey,
        PlannedMessage plan,
        @Indexed MessageStatus status,
        Instant dueAt,
        Instant leaseUntil,
        String leasedBy,
        int attempts,
        String providerId,
        Instant sentAt,
        String reason,
        String deliveryStatus,
        Instant inDoubtSince,
        Instant waitingForContactSince,
        String sentTo,
        String fingerprint,
        Instant handedOverAt,
        List<PendingEvent> outbox,
        String traceparent,
        Instant turnAt) {

    public static final String COLLECTION = "outgoing_messages";

    // the stored names of the fields the transitions change
    static final String STATUS = "status";
    static final String DUE_AT = "dueAt";
    static final String REASON = "reason";
    static final String LEASE_UNTIL = "leaseUntil";
    static final String PROVIDER_ID = "providerId";
    static final String SENT_AT = "sentAt";
    static final String DELIVERY_STATUS = "deliveryStatus";
    static final String IN_DOUBT_SINCE = "inDoubtSince";
    static final String WAITING_FOR_CONTACT_SINCE = "waitingForContactSince";
    static final String SENT_TO = "sentTo";
    static final String FINGERPRINT = "fingerprint";
    static final String HANDED_OVER_AT = "handedOverAt";
    static final String ATTEMPTS = "attempts";
    static final String TURN_AT = "turnAt";

    static final String WAITING_FOR_CONTACT = "waiting for the patient's contact details";
    // the reasons a text's time was set by the patient's quiet hours alone, followed by the zone
    static final String HELD_FOR_QUIET_HOURS = "held for the patient's quiet hours in ";
    static final String RETIMED_LATER = "re-timed for the patient's quiet hours in ";
    static final String RETIMED_EARLIER = "brought forward: not quiet hours in ";
    static final String IN_DOUBT_AFTER_CRASH = "the instance stopped while handing it to the provider";

    /** Not to be sent, and why: only before it began going out. */
    TextChange cancel(String reason, Instant at) {
        return from(MessageStatus.PLANNED, MessageStatus.LEASED)
                .to(MessageStatus.CANCELLED)
                .set(REASON, reason)
                .announce("cancelled", at, dueAt, reason);
    }

    /**
     * Waits until {@code until} and goes out then: quiet hours, the texting rules, a retry after a passing refusal,
     * a re-timing in the patient's zone, or the provider having no record of a text in doubt.
     */
    TextChange holdUntil(Instant until, String reason, Instant at) {
        return from(MessageStatus.PLANNED, MessageStatus.LEASED, MessageStatus.SENDING, MessageStatus.IN_DOUBT)
                .to(MessageStatus.PLANNED)
                .set(DUE_AT, until)
                .set(REASON, reason)
                .clear(IN_DOUBT_SINCE)
                .announce("planned", at, until, reason);
    }

    /**
     * When it should go out now that its patient's zone is known (or changed), if not when it is due: a text whose
     * time only its plan and quiet hours set is timed afresh from its plan, in {@code zone} (earlier too: planned in the
     * clinic's night, it goes at once where it is day for the patient); one held for a reason of its own (spacing, a
     * retry, a refusal) keeps its time unless that falls in the patient's night. Never before {@code now}, never in
     * quiet hours. Not for urgent texts and answers (they go at any hour), nor for one that waits for the patient's
     * details (the dispatcher decides once they are here).
     */
    Optional<Instant> retimedFor(ZoneId zone, QuietHours quietHours, Instant now) {
        if (plan.urgent() || plan.isReply() || WAITING_FOR_CONTACT.equals(reason)) {
            return Optional.empty();
        }
        Instant due = dueAt;
        if (timedByPlanAndQuietHours()) {
            Optional<Instant> notAfter = plan.kind().beforeSession()
                    ? Optional.of(plan.sessionStarts().getFirst())
                    : Optional.empty();
            due = quietHours.adjust(plan.dueAt(), zone, now, notAfter).orElse(dueAt);
            due = due.isBefore(now) ? now : due;
        }
        if (quietHours.contains(due, zone)) {
            due = quietHours.firstAllowedAfter(due, zone);
        }
        return due.equals(dueAt) ? Optional.empty() : Optional.of(due);
    }

    private boolean timedByPlanAndQuietHours() {
        return reason == null
                || reason.startsWith(HELD_FOR_QUIET_HOURS)
                || reason.startsWith(RETIMED_LATER)
                || reason.startsWith(RETIMED_EARLIER);
    }

    /** Its time set afresh in the patient's zone ({@link #retimedFor}). */
    TextChange retime(Instant until, ZoneId zone, Instant at) {
        return holdUntil(until, (until.isAfter(dueAt) ? RETIMED_LATER : RETIMED_EARLIER) + zone, at);
    }

    /** Its patient's contact details have not arrived: try again at {@code until}; the timeline hears of the first wait. */
    TextChange waitForContact(Instant until, Instant at) {
        if (waitingForContactSince == null) {
            return from(MessageStatus.LEASED)
                    .to(MessageStatus.PLANNED)
                    .set(DUE_AT, until)
                    .set(REASON, WAITING_FOR_CONTACT)
                    .set(WAITING_FOR_CONTACT_SINCE, at)
                    .announce("planned", at, until, WAITING_FOR_CONTACT);
        }
        return from(MessageStatus.LEASED)
                .to(MessageStatus.PLANNED)
                .set(DUE_AT, until)
                .silently();
    }

    /**
     * What it waited for has arrived (the patient's contact details, or the booking its form link belongs to): it is
     * due at {@code at} rather than at its next retry, which may be up to a quarter of an hour away.
     */
    TextChange waitIsOver(Instant at) {
        return from(MessageStatus.PLANNED)
                .to(MessageStatus.PLANNED)
                .set(DUE_AT, at)
                .silently();
    }

    /**
     * Its sender's turns are taken until {@code turn}, in real time (the sending rate Twilio allows): back in line until
     * then, still due as it was (how late it goes out counts from its due time). Not news for the timeline, and not an
     * attempt: nothing reached the provider.
     */
    TextChange waitForTurn(Instant turn) {
        return from(MessageStatus.LEASED)
                .to(MessageStatus.PLANNED)
                .set(TURN_AT, turn)
                .silently();
    }

    /**
     * The provider asked to slow down (HTTP 429) before taking it: back in line until {@code turn}, in real time, and
     * the hand-over is not counted as an attempt (a busy hour must not use up a text's attempts and fail it).
     */
    TextChange throttled(Instant turn) {
        return from(MessageStatus.SENDING)
                .to(MessageStatus.PLANNED)
                .set(TURN_AT, turn)
                .set(ATTEMPTS, attempts)
                .set(REASON, "the provider asked us to slow down")
                .clear(SENT_TO)
                .clear(FINGERPRINT)
                .clear(HANDED_OVER_AT)
                .silently();
    }

    /**
     * Being handed to the provider, as {@code leaseUntil} allows; where it goes and a fingerprint of its words are kept,
     * to look it up in the provider's records should the hand-over be cut short.
     */
    TextChange handOver(String to, String fingerprint, Instant leaseUntil, Instant at) {
        var move = from(MessageStatus.LEASED)
                .to(MessageStatus.SENDING)
                .set(LEASE_UNTIL, leaseUntil)
                .set(SENT_TO, to)
                .set(FINGERPRINT, fingerprint)
                .set(HANDED_OVER_AT, at);
        move.attempt = true;
        return move.silently();
    }

    /** The provider accepted it under {@code providerId}; {@code at} is when it was handed over. */
    TextChange sent(String providerId, Instant at) {
        return from(MessageStatus.SENDING)
                .to(MessageStatus.SENT)
                .set(PROVIDER_ID, providerId)
                .set(SENT_AT, at)
                .clear(REASON)
                .announce("sent", at, dueAt, null);
    }

    /** The provider refused it for good, or too many times. */
    TextChange failed(String reason, Instant at) {
        return from(MessageStatus.SENDING)
                .to(MessageStatus.FAILED)
                .set(REASON, reason)
                .announce("failed", at, dueAt, reason);
    }

    /** Whether the provider has it is unknown (no answer, or the instance died handing it over): never resent blindly. */
    TextChange inDoubt(String reason, Instant at) {
        return from(MessageStatus.SENDING)
                .to(MessageStatus.IN_DOUBT)
                .set(IN_DOUBT_SINCE, at)
                .set(REASON, reason)
                .announce("in_doubt", at, dueAt, reason);
    }

    /**
     * In doubt, and the provider's records have no trace of it: planned again at once. From doubt only: another
     * instance that looked it up at the same time may have planned it again already, and it may be on its way.
     */
    TextChange notInProviderRecords(Instant at) {
        String reason = "the provider has no record of it; sending again";
        return from(MessageStatus.IN_DOUBT)
                .to(MessageStatus.PLANNED)
                .set(DUE_AT, at)
                .set(REASON, reason)
                .clear(IN_DOUBT_SINCE)
                .announce("planned", at, at, reason);
    }

    /**
     * The provider has it (a report named it, or its records hold it): sent, under {@code providerId} when known,
     * whatever became of the hand-over here.
     */
    TextChange settledByProvider(String providerId, String reason, Instant at) {
        var move = from(MessageStatus.SENDING, MessageStatus.IN_DOUBT)
                .to(MessageStatus.SENT)
                .set(SENT_AT, sentAt != null ? sentAt : at)
                .set(REASON, reason)
                .clear(IN_DOUBT_SINCE);
        if (providerId != null) {
            move.set(PROVIDER_ID, providerId);
        }
        return move.announce("sent", at, dueAt, reason);
    }

    /**
     * What the provider reports became of it (queued, sent, delivered, undelivered, failed); empty when that is not
     * news: statuses only move forward, so a late or repeated report changes nothing.
     */
    Optional<TextChange> deliveryReported(String status, String reason, Instant at) {
        int rank = DELIVERY_RANK.getOrDefault(status, -1);
        if (rank < 0 || (deliveryStatus != null && DELIVERY_RANK.getOrDefault(deliveryStatus, -1) >= rank)) {
            return Optional.empty();
        }
        var move = from(MessageStatus.values()).set(DELIVERY_STATUS, status);
        if (reason != null) {
            move.set(REASON, reason);
        }
        return Optional.of(move.announce(status, at, dueAt, reason));
    }

    /** The delivery statuses a report of {@code status} may overtake. */
    static List<String> deliveryStatusesBefore(String status) {
        int rank = DELIVERY_RANK.getOrDefault(status, -1);
        return DELIVERY_RANK.entrySet().stream()
                .filter(e -> e.getValue() < rank)
                .map(Map.Entry::getKey)
                .toList();
    }

    private static final Map<String, Integer> DELIVERY_RANK =
            Map.of("accepted", 0, "queued", 0, "sending", 1, "sent", 2, "delivered", 3, "undelivered", 3, "failed", 3);

    /** The same text, in another status (what a saved move leaves it in, for the next move). */
    OutgoingMessage inStatus(MessageStatus next) {
        return new OutgoingMessage(
                id,
                planKey,
                plan,
                next,
                dueAt,
                leaseUntil,
                leasedBy,
                attempts,
                providerId,
                sentAt,
                reason,
                deliveryStatus,
                inDoubtSince,
                waitingForContactSince,
                sentTo,
                fingerprint,
                handedOverAt,
                outbox,
                traceparent,
                turnAt);
    }

    private Move from(MessageStatus... statuses) {
        Set<MessageStatus> allowed = EnumSet.copyOf(Arrays.asList(statuses));
        if (!allowed.contains(status)) {
            throw new IllegalStateException(
                    "Text " + id + " is " + status + ": it cannot move from there (only from " + allowed + ")");
        }
        return new Move(allowed);
    }

    /** A move being put together by one of the transitions above. */
    private final class Move {
        private final Set<MessageStatus> from;
        private final Map<String, Object> set = new LinkedHashMap<>();
        private final List<String> clear = new ArrayList<>();
        private boolean attempt;

        private Move(Set<MessageStatus> from) {
            this.from = from;
        }

        Move to(MessageStatus next) {
            return set(STATUS, next);
        }

        Move set(String field, Object value) {
            set.put(field, value);
            return this;
        }

        Move clear(String field) {
            clear.add(field);
            return this;
        }

        TextChange silently() {
            return new TextChange(from, set, clear, attempt, Optional.empty());
        }

        /** @param published the status as the event names it: planned, sent, delivered, failed, cancelled, in_doubt... */
        TextChange announce(String published, Instant at, Instant due, String why) {
            var event = new MessageStatusChanged(
                    plan.patientId(),
                    id,
                    plan.kind().name().toLowerCase(Locale.ROOT),
                    plan.seriesId(),
                    plan.sessionId(),
                    published,
                    at,
                    due,
                    why);
            return new TextChange(from, set, clear, attempt, Optional.of(event));
        }
    }

    /**
     * Planned for {@code due}: its plan's time, or moved out of quiet hours (the plan keeps the time it was for).
     *
     * @param announcement the events to publish with it (the outbox), saved in the same insert
     */
    static OutgoingMessage planned(String id, PlannedMessage plan, Instant due, List<PendingEvent> announcement) {
        return new OutgoingMessage(
                id,
                plan.planKey(),
                plan,
                MessageStatus.PLANNED,
                due,
                null,
                null,
                0,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                announcement,
                // planned in the trace its announcement was written in
                announcement.isEmpty() ? null : announcement.getFirst().traceparent(),
                null);
    }
}
