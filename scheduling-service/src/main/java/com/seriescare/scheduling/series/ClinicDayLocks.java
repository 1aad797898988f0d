package com.seriescare.scheduling.series;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.seriescare.scheduling.shared.ConcurrentChange;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Chairs are counted by reading the clinic's calendar and then writing a series: two front desks doing that at the
 * same moment would both see the last chair free. So whoever places sessions on a clinic's day first takes that
 * day's lock (one document per clinic and local day, claimed with {@code findAndModify}, the store's atomic
 * operation), reads, checks and writes, then lets go. The lock is a lease: a service that dies holding it frees the
 * day after {@link #LEASE}. Days are taken in date order, so two bookings spanning the same days cannot wait on each
 * other.
 */
@Component
class ClinicDayLocks {

    static final String COLLECTION = "clinic_day_locks";

    /** Far longer than a booking takes; how long a day stays locked by a service that died holding it. */
    static final Duration LEASE = Duration.ofSeconds(10);

    /**
     * How long a booking waits for a day another desk is booking before it answers "try again": past a whole lease, so
     * that a day left locked by a booking that died (a store outage cut it short before it could let go) is booked
     * once its lease runs out, instead of telling the desk that someone else was booking when nobody was.
     */
    static final Duration PATIENCE = LEASE.plusSeconds(2);

    private final MongoTemplate mongo;

    /** This instance's queue for each day (a few hundred days a year per clinic: kept, not cleaned). */
    private final Map<String, ReentrantLock> turns = new ConcurrentHashMap<>();

    ClinicDayLocks(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Runs {@code work} holding the clinic's given days; throws {@link ConcurrentChange} when they stay taken. */
    <T> T holding(String clinicId, Collection<LocalDate> days, Supplier<T> work) {
        String holder = UUID.randomUUID().toString();
        List<String> held = new ArrayList<>();
        List<ReentrantLock> ours = new ArrayList<>();
        try {
            for (LocalDate day : new TreeSet<>(days)) {
                String id = clinicId + "|" + day;
                ours.add(awaitTurn(id));
                take(id, holder);
                held.add(id);
            }
            return work.get();
        } finally {
            held.forEach(
                    id -> mongo.remove(query(where("_id").is(id).and("holder").is(holder)), COLLECTION));
            ours.reversed().forEach(ReentrantLock::unlock);
        }
    }

    /**
     * Bookings of one day on this instance queue for it in the order they came, and only the first asks the store.
     * Without the queue each of them polled the store's lock with growing pauses: when the day was let go they all
     * raced for it (every loser a failed write), and one that happened to be pausing could lose to later arrivals
     * again and again — seconds for a booking in a burst. The store's lock still keeps the day between instances.
     */
    private ReentrantLock awaitTurn(String id) {
        ReentrantLock turn = turns.computeIfAbsent(id, day -> new ReentrantLock(true));
        // no time limit: the booking ahead holds the turn only while it works or waits for the store (an outage is
        // sat out, as it would be without the queue), and lets go however it ends. A limit here answered "changed by
        // someone else" to bookings queued behind one that was waiting out a store outage (the fault suite).
        try {
            turn.lockInterruptibly();
            return turn;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConcurrentChange("Clinic day", id);
        }
    }

    private void take(String id, String holder) {
        // the wall clock, not the injected one: a lease is about real waiting, and tests move the clinic's clock.
        // Patience counts from the store's first "taken": an attempt that sat out a store outage (the driver waits for
        // the store to come back) has not waited for the day, and gave up at once when the store returned.
        Instant giveUpAt = null;
        long pause = 5;
        while (!tryToTake(id, holder)) {
            Instant answered = Instant.now();
            if (giveUpAt == null) {
                giveUpAt = answered.plus(PATIENCE);
            } else if (answered.isAfter(giveUpAt)) {
                throw new ConcurrentChange("Clinic day", id);
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConcurrentChange("Clinic day", id);
            }
            pause = Math.min(pause * 2, 100);
        }
    }

    /** Takes the day when its lock is free or has run out; false when another booking holds it. */
    private boolean tryToTake(String id, String holder) {
        Instant now = Instant.now();
        if (mongo.exists(query(where("_id").is(id).and("leaseUntil").gte(now)), COLLECTION)) {
            // held: asked without the write that would collide (the store logs each collision as an error with its
            // stack, dozens a second in a burst of bookings)
            return false;
        }
        try {
            // free when there is no lock document or its lease ran out; an upsert meeting a held lock collides
            mongo.findAndModify(
                    query(where("_id").is(id).and("leaseUntil").lt(now)),
                    new Update().set("holder", holder).set("leaseUntil", now.plus(LEASE)),
                    FindAndModifyOptions.options().upsert(true).returnNew(true),
                    org.bson.Document.class,
                    COLLECTION);
            return true;
        } catch (DuplicateKeyException taken) {
            return false; // taken between the two
        }
    }
}
