package com.seriescare.scheduling.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes what waits in the outboxes and then removes it, one event at a time: at least once, never lost.
 * A crash between publishing and removing publishes that event again on the next pass (same {@code ce_id});
 * consumers are idempotent.
 *
 * <p>Order per patient: collections are drained in {@link OutboxCollections} order (a patient before their
 * series), documents oldest change first, and each document's events in the order they were written. A failed
 * publish ends the pass, so nothing later overtakes it.
 */
@Component
public class OutboxRelay {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final MongoTemplate mongo;
    private final EventPublisher publisher;
    private final AtomicBoolean running = new AtomicBoolean(true);

    OutboxRelay(MongoTemplate mongo, EventPublisher publisher) {
        this.mongo = mongo;
        this.publisher = publisher;
    }

    @Scheduled(fixedDelayString = "${seriescare.outbox.poll-interval:200ms}")
    void relayPending() {
        if (running.get()) {
            relayOnce();
        }
    }

    /** Publishes everything pending now; returns how many events were published. */
    public int relayOnce() {
        int published = 0;
        for (String collection : OutboxCollections.IN_PUBLISHING_ORDER) {
            List<Document> documents = mongo.find(query(where("outbox.0").exists(true)), Document.class, collection);
            documents.sort(Comparator.comparing(OutboxRelay::oldestPending));
            for (Document document : documents) {
                for (PendingEvent event : pendingEvents(document)) {
                    try {
                        publisher.publish(event);
                    } catch (RuntimeException e) {
                        log.warn(
                                "Outbox relay paused: event {} ({}) not published yet",
                                event.eventId(),
                                event.ceType(),
                                e);
                        return published;
                    }
                    mongo.updateFirst(
                            query(where("_id").is(document.get("_id"))),
                            new Update().pull("outbox", new Document("eventId", event.eventId())),
                            collection);
                    published++;
                }
            }
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

    private List<PendingEvent> pendingEvents(Document document) {
        return document.getList("outbox", Document.class).stream()
                .map(entry -> mongo.getConverter().read(PendingEvent.class, entry))
                .toList();
    }

    private static java.util.Date oldestPending(Document document) {
        return document.getList("outbox", Document.class).getFirst().getDate("time");
    }
}
