package com.seriescare.servicesupport.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Publishes what waits in the outboxes and then removes it, one event at a time: at least once, never lost. A
 * crash between publishing and removing publishes that event again on the next pass (same {@code ce_id});
 * consumers are idempotent.
 *
 * <p>Order per patient. A patient's events live in several documents and collections (the patient, each series),
 * and a pass cannot read them all at one instant: a write may land in a collection the pass has already read while
 * a later write lands in one it has not, and the later event would overtake the earlier. So a pass only takes
 * entries written at least {@link #SETTLE} before it began (by then their writes are visible) and publishes them in
 * the order they were written, across all collections. A failed publish holds back that patient's later events, so
 * nothing of theirs overtakes it; other patients' events go on.
 * This assumes one relay at a time per patient and writes that complete within the settle time.
 */
public class OutboxRelay {

    static final Duration SETTLE = Duration.ofMillis(500);

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final MongoTemplate mongo;
    private final EventPublisher publisher;
    private final List<String> collections;
    private final AtomicBoolean running = new AtomicBoolean(true);

    /** @param collections the collections whose documents carry an {@code outbox}; on a tie, earlier ones go first */
    public OutboxRelay(MongoTemplate mongo, EventPublisher publisher, List<String> collections) {
        this.mongo = mongo;
        this.publisher = publisher;
        this.collections = List.copyOf(collections);
    }

    @Scheduled(fixedDelayString = "${seriescare.outbox.poll-interval:200ms}", scheduler = "outboxRelayScheduler")
    void relayPending() {
        if (running.get()) {
            relayOnce();
        }
    }

    /**
     * Publishes everything that has settled; returns how many events were published. An event that cannot be
     * published holds back that patient's later events only (they share its record key, and their order matters);
     * every other patient's go on. It is tried again on the next pass.
     */
    public int relayOnce() {
        Instant settled = Instant.now().minus(SETTLE);
        int published = 0;
        Set<String> heldBack = new HashSet<>();
        for (Entry entry : settledEntries(settled)) {
            if (heldBack.contains(entry.event().key())) {
                continue;
            }
            try {
                publisher.publish(entry.event());
            } catch (RuntimeException e) {
                log.warn(
                        "Outbox relay: event {} ({}) not published yet; holding back that patient's later events",
                        entry.event().eventId(),
                        entry.event().ceType(),
                        e);
                heldBack.add(entry.event().key());
                continue;
            }
            mongo.updateFirst(
                    query(where("_id").is(entry.documentId())),
                    new Update()
                            .pull(
                                    "outbox",
                                    new Document("eventId", entry.event().eventId())),
                    entry.collection());
            published++;
        }
        return published;
    }

    /** Stops the scheduled relay (tests use it to simulate a crash between saving and publishing). */
    public void pause() {
        running.set(false);
    }

    public void resume() {
        running.set(true);
    }

    private List<Entry> settledEntries(Instant settled) {
        List<Entry> entries = new ArrayList<>();
        for (String collection : collections) {
            for (Document document : mongo.find(
                    query(where("outbox").elemMatch(where("writtenAt").lte(settled))), Document.class, collection)) {
                List<Document> outbox = document.getList("outbox", Document.class);
                for (int i = 0; i < outbox.size(); i++) {
                    PendingEvent event = mongo.getConverter().read(PendingEvent.class, outbox.get(i));
                    if (!event.writtenAt().isAfter(settled)) {
                        entries.add(new Entry(collection, document.get("_id"), i, event));
                    }
                }
            }
        }
        entries.sort(Comparator.comparing((Entry e) -> e.event().writtenAt())
                .thenComparing(e -> collections.indexOf(e.collection()))
                .thenComparingInt(Entry::position));
        return entries;
    }

    private record Entry(String collection, Object documentId, int position, PendingEvent event) {}
}
