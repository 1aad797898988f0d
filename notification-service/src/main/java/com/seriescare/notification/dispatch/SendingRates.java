package com.seriescare.notification.dispatch;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * How fast each Twilio sender may send, shared by every instance of the service: Twilio queues what a number sends
 * beyond its rate (1 message a second for a long code) and answers 429 once the account's limit is passed, so two
 * instances each keeping "their" rate would together send twice too fast.
 *
 * <p>Each sender has one document holding the earliest moment its next text may go (the generic cell rate
 * algorithm's "theoretical arrival time"). Taking a turn moves it on by one interval with a compare-and-set, so each
 * turn is given once however many instances ask at the same time. A turn is only given when it comes soon (within
 * {@code maxWait}): a text whose turn is further away is put back until then, and no turn is reserved for it, so a
 * burst of due texts does not book the sender's next hour. A fast sender's turns are taken a few at a time
 * ({@link #blockOf}) and handed out by the instance that took them.
 *
 * <p>Real time, not the injected clock: a rate is about seconds that really pass (tests move the clinic's clock by
 * days).
 */
@Component
class SendingRates {

    static final String COLLECTION = "sending_rates";

    private static final String NEXT = "next";

    private final MongoTemplate mongo;

    SendingRates(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** A sender's turn: when it may send, or when to ask again because its turns are taken until then. */
    sealed interface Turn {

        /** Send at {@code at} (now or within the wait asked for); the turn is taken. */
        record Granted(Instant at) implements Turn {}

        /** No turn soon enough: ask again at {@code from}; nothing was taken. */
        record Busy(Instant from) implements Turn {}
    }

    /**
     * Takes the sender's next turn if it comes within {@code maxWait}.
     *
     * @param sender the sender's key ({@link Dispatcher}: its number, Messaging Service, or the deployment's default)
     * @param perSecond the sender's rate
     */
    Turn take(String sender, double perSecond, Duration maxWait) {
        Duration interval = intervalAt(perSecond);
        int block = blockOf(perSecond);
        Reserved mine = reserved.computeIfAbsent(sender, s -> new Reserved());
        mine.lock.lock(); // this instance's texts ask one at a time: no compare-and-set lost to a sibling thread
        try {
            Instant now = Instant.now();
            // a turn gone by unused is dropped: taken late, it would send two texts closer than the rate allows
            while (!mine.turns.isEmpty() && mine.turns.peekFirst().isBefore(now)) {
                mine.turns.pollFirst();
            }
            if (!mine.turns.isEmpty()) {
                return new Turn.Granted(mine.turns.pollFirst());
            }
            while (true) {
                now = Instant.now();
                Document current = mongo.findById(sender, Document.class, COLLECTION);
                Instant next = current == null ? null : current.getDate(NEXT).toInstant();
                Instant turn = next == null || next.isBefore(now) ? now : next;
                if (turn.isAfter(now.plus(maxWait))) {
                    return new Turn.Busy(turn);
                }
                // whole milliseconds, as the store keeps times, rounded up: never faster than the rate
                Instant after = turn.plus(interval.multipliedBy(block));
                Instant afterInStore = after.truncatedTo(ChronoUnit.MILLIS);
                if (moved(sender, next, afterInStore.isBefore(after) ? afterInStore.plusMillis(1) : afterInStore)) {
                    for (int n = 1; n < block; n++) {
                        mine.turns.addLast(turn.plus(interval.multipliedBy(n)));
                    }
                    return new Turn.Granted(turn);
                }
                // another instance took a turn meanwhile: read again
            }
        } finally {
            mine.lock.unlock();
        }
    }

    /**
     * The time between two turns: a little more than the rate says. Twilio counts requests as they arrive, and texts
     * handed over at exact intervals arrive bunched by the network and by threads waiting for a core; at the exact rate,
     * 1 to 2 % of them met a 429 (B4 in docs/benchmarks.md).
     */
    static Duration intervalAt(double perSecond) {
        return Duration.ofNanos((long) Math.ceil(1_000_000_000 / (perSecond * HEADROOM)));
    }

    static final double HEADROOM = 0.97;

    /**
     * How many turns an instance takes at once: a fifth of a second's worth, at most 20 (10 at 50 texts/s), so that a
     * fast sender costs the store one compare-and-set per block instead of one per text; 1 for a long code's 1/s.
     */
    static int blockOf(double perSecond) {
        return (int) Math.max(1, Math.min(20, Math.floor(perSecond / 5)));
    }

    /** Turns this instance has taken and not handed out yet, for one sender. */
    private static final class Reserved {

        final ReentrantLock lock = new ReentrantLock();
        final Deque<Instant> turns = new ArrayDeque<>();
    }

    private final Map<String, Reserved> reserved = new ConcurrentHashMap<>();

    /**
     * Twilio said to slow down (429, with {@code Retry-After} or our own back-off): none of this sender's texts goes
     * before {@code until}, from any instance.
     */
    void pauseUntil(String sender, Instant until) {
        Reserved mine = reserved.get(sender);
        if (mine != null) {
            mine.lock.lock();
            try {
                mine.turns.clear(); // none of them may be used before the pause is over
            } finally {
                mine.lock.unlock();
            }
        }
        while (true) {
            Document current = mongo.findById(sender, Document.class, COLLECTION);
            Instant next = current == null ? null : current.getDate(NEXT).toInstant();
            if ((next != null && !next.isBefore(until)) || moved(sender, next, until)) {
                return;
            }
        }
    }

    /** Compare-and-set of the sender's next turn; false when another instance moved it first. */
    private boolean moved(String sender, Instant expected, Instant next) {
        if (expected == null) {
            try {
                mongo.insert(new Document("_id", sender).append(NEXT, java.util.Date.from(next)), COLLECTION);
                return true;
            } catch (DuplicateKeyException first) {
                return false;
            }
        }
        return mongo.updateFirst(
                                query(where("_id").is(sender).and(NEXT).is(java.util.Date.from(expected))),
                                new Update().set(NEXT, java.util.Date.from(next)),
                                COLLECTION)
                        .getModifiedCount()
                == 1;
    }
}
