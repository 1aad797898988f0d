package com.seriescare.servicesupport.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Publishes what waits in the outboxes and then removes it: at least once, never lost. A crash between publishing and
 * removing publishes those events again on the next pass (same {@code ce_id}); consumers are idempotent.
 *
 * <p>In batches. A pass takes everything that has settled, records it in the audit trail (one write per thousand
 * events, each just before they are published, the next recorded while those go out), publishes each patient's events
 * one after the other while different patients' go side by side (so the producer sends many records per request and
 * their acknowledgements are awaited together, not one round trip per event), and removes what has been published
 * while the rest is still on its way: each write (one per collection) takes all that was acknowledged since the last.
 *
 * <p>One relay at a time. Every replica of a service runs a relay, but only the one holding the service's relay
 * lease (a document in {@value #LEASES}, taken and renewed with the store's atomic operations) publishes; the others
 * wait. A replica that dies stops renewing, and another takes over once the lease has run out; one that stops
 * cleanly lets go at once. Two relays publishing side by side could each send part of a patient's events, in
 * either order.
 *
 * <p>Order per patient. Within a document, the outbox array is the order its changes were made (each change
 * appends to it atomically), and that order is kept whatever the writers' clocks said. A patient's events live in
 * several documents and collections (the patient, each series), and a pass cannot read them all at one instant: a
 * write may land in a collection the pass has already read while a later write lands in one it has not, and the
 * later event would overtake the earlier. So a pass only takes entries written at least {@link #SETTLE} before it
 * began (by then their writes are visible) and interleaves the documents by the time their entries were written.
 * Where order matters to a consumer across writers, the event carries its aggregate's own sequence
 * ({@code patientRevision}, a session's {@code revision}) so that a late change is recognised whatever the order.
 * A failed publish holds back that patient's later events, so nothing of theirs overtakes it; other patients'
 * events go on.
 */
public class OutboxRelay implements DisposableBean {

    static final Duration SETTLE = Duration.ofMillis(500);

    static final String LEASES = "outbox_relay_leases";

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final MongoTemplate mongo;
    private final EventPublisher publisher;
    private final List<String> collections;
    private final String leaseName;
    private final Duration lease;
    private final String holder = UUID.randomUUID().toString();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicBoolean stopped = new AtomicBoolean(false);
    private volatile Instant leaseUntil = Instant.EPOCH;
    private final Object leaseLock = new Object();
    /** What the last pass left unpublished, and since when the oldest of it waits (null: nothing waits). */
    private volatile int backlog;

    private volatile Instant oldestWaiting;

    /**
     * @param collections the collections whose documents carry an {@code outbox}; on a tie, earlier ones go first
     * @param leaseName one per service: the relays of that service's replicas share it
     * @param lease how long a relay that stopped renewing keeps others waiting
     */
    public OutboxRelay(
            MongoTemplate mongo, EventPublisher publisher, List<String> collections, String leaseName, Duration lease) {
        this(mongo, publisher, collections, leaseName, lease, null);
    }

    /** @param audit where each change is recorded as its event is published (none: not recorded) */
    public OutboxRelay(
            MongoTemplate mongo,
            EventPublisher publisher,
            List<String> collections,
            String leaseName,
            Duration lease,
            com.seriescare.servicesupport.audit.AuditTrail audit) {
        this.mongo = mongo;
        this.publisher = publisher;
        this.collections = List.copyOf(collections);
        this.leaseName = leaseName;
        this.lease = lease;
        this.audit = audit;
        // a pass asks each collection for documents with an entry written before a moment: on MongoDB this index
        // answers it from the (few) waiting entries instead of a scan of every document
        for (String collection : this.collections) {
            mongo.indexOps(collection)
                    .createIndex(new Index("outbox.writtenAt", Sort.Direction.ASC).named("outbox_waiting"));
        }
    }

    private final com.seriescare.servicesupport.audit.AuditTrail audit;

    @Scheduled(fixedDelayString = "${seriescare.outbox.poll-interval:200ms}", scheduler = "outboxRelayScheduler")
    synchronized void relayPending() {
        // checked under the lock: once pause() has returned, no scheduled pass starts
        if (running.get()) {
            relayOnce();
        }
    }

    /**
     * Publishes everything that has settled, if this relay holds the lease; returns how many events were published.
     * An event that cannot be published holds back that patient's later events only (they share its record key, and
     * their order matters); every other patient's go on. It is tried again on the next pass.
     */
    public synchronized int relayOnce() {
        if (stopped.get() || !holdLease()) {
            // another replica's relay publishes, and reports what waits
            backlog = 0;
            oldestWaiting = null;
            return 0;
        }
        Instant settled = Instant.now().minus(SETTLE);
        List<Entry> entries = settledEntries(settled);
        // all of it waits until published: a pass stuck on an unreachable broker shows the wait growing
        report(entries);
        if (entries.isEmpty()) {
            return 0;
        }
        Map<String, List<Entry>> byKey = entries.stream()
                .collect(Collectors.groupingBy(
                        e -> Objects.requireNonNullElse(e.event().key(), ""), LinkedHashMap::new, Collectors.toList()));
        BlockingQueue<Entry> published = new LinkedBlockingQueue<>();
        Queue<Entry> left = new ConcurrentLinkedQueue<>();
        AtomicBoolean holding = new AtomicBoolean(true);
        AtomicBoolean publishing = new AtomicBoolean(true);
        Semaphore inFlight = new Semaphore(PATIENTS_AT_ONCE);
        int removed;
        try (var remover = Executors.newVirtualThreadPerTaskExecutor()) {
            // what is published is removed while the rest is still being published: the store's writes and the
            // broker's acknowledgements overlap instead of taking turns (B3 in docs/benchmarks.md)
            Future<Integer> removing = remover.submit(() -> removeAsPublished(published, publishing));
            try (var patients = Executors.newVirtualThreadPerTaskExecutor()) {
                for (List<List<Entry>> patientsTogether : inAuditChunks(byKey.values())) {
                    if (audit != null) {
                        // before publishing: an event on a topic is always in the audit trail (recorded once by id);
                        // the next chunk is recorded while this one is published
                        audit.recordChanges(patientsTogether.stream()
                                .flatMap(List::stream)
                                .map(Entry::event)
                                .toList());
                    }
                    for (List<Entry> ofOnePatient : patientsTogether) {
                        patients.execute(() -> {
                            inFlight.acquireUninterruptibly();
                            try {
                                publishInOrder(ofOnePatient, holding, published, left);
                            } finally {
                                inFlight.release();
                            }
                        });
                    }
                }
            } finally {
                // every patient's events published or left (or the audit trail refused a chunk: the rest waits)
                publishing.set(false);
            }
            removed = removedOrThrow(removing);
        }
        report(List.copyOf(left));
        return removed;
    }

    /**
     * Patients' events in chunks of at least {@value #AUDIT_CHUNK} events (a patient's all in one): each chunk is
     * recorded in the audit trail in one write just before it is published.
     */
    private static List<List<List<Entry>>> inAuditChunks(Collection<List<Entry>> byPatient) {
        List<List<List<Entry>>> chunks = new ArrayList<>();
        List<List<Entry>> chunk = new ArrayList<>();
        int events = 0;
        for (List<Entry> ofOnePatient : byPatient) {
            chunk.add(ofOnePatient);
            events += ofOnePatient.size();
            if (events >= AUDIT_CHUNK) {
                chunks.add(chunk);
                chunk = new ArrayList<>();
                events = 0;
            }
        }
        if (!chunk.isEmpty()) {
            chunks.add(chunk);
        }
        return chunks;
    }

    static final int AUDIT_CHUNK = 1000;

    /**
     * Removes published events as they come, each time all that were published since the last write, in one write
     * per collection; returns how many, once publishing has ended and the last of them is removed.
     */
    private int removeAsPublished(BlockingQueue<Entry> published, AtomicBoolean publishing)
            throws InterruptedException {
        int removed = 0;
        List<Entry> batch = new ArrayList<>();
        while (true) {
            // read before taking: whatever was published before publishing ended is in the queue by then
            boolean ended = !publishing.get();
            Entry first = ended ? published.poll() : published.poll(REMOVE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (first == null) {
                if (ended) {
                    return removed;
                }
                continue;
            }
            batch.add(first);
            published.drainTo(batch);
            remove(batch);
            removed += batch.size();
            batch.clear();
        }
    }

    /** How long the remover waits for more to be published before it looks whether publishing has ended. */
    private static final Duration REMOVE_WAIT = Duration.ofMillis(20);

    private static int removedOrThrow(Future<Integer> removing) {
        try {
            return removing.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while removing published events", e);
        } catch (ExecutionException e) {
            // the store refused a removal: those events stay in their outboxes and are published again (same ce_id)
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * How many patients' events are published side by side: the producer's batches fill from them. Each send waits
     * for its acknowledgement, so a pass publishes about this many events per round trip to the broker: at 64, 5,000
     * events of 500 patients went at about 1,100 a second whatever the cores had to spare (B3 in docs/benchmarks.md).
     * Virtual threads waiting cost next to nothing; the events are in memory already.
     */
    static final int PATIENTS_AT_ONCE = 1024;

    /**
     * One patient's events in their order. One that cannot be published holds back the patient's later events (they
     * share its record key, and their order matters); they are tried again on the next pass.
     */
    private void publishInOrder(
            List<Entry> ofOnePatient, AtomicBoolean holding, Queue<Entry> published, Queue<Entry> left) {
        boolean heldBack = false;
        for (Entry entry : ofOnePatient) {
            // once stopped or the lease lost, the rest is left for whoever holds it now (still counted as waiting)
            if (holding.get() && (stopped.get() || !keepLease())) {
                holding.set(false);
            }
            if (heldBack || !holding.get()) {
                left.add(entry);
                continue;
            }
            try {
                publisher.publish(entry.event());
                published.add(entry);
            } catch (RuntimeException e) {
                log.warn(
                        "Outbox relay: event {} ({}) not published yet; holding back that patient's later events",
                        entry.event().eventId(),
                        entry.event().ceType(),
                        e);
                heldBack = true;
                left.add(entry);
            }
        }
    }

    /** Removes what was published from its documents' outboxes: one write per collection. */
    private void remove(List<Entry> published) {
        Map<String, Map<Object, List<String>>> byCollection = new LinkedHashMap<>();
        for (Entry entry : published) {
            byCollection
                    .computeIfAbsent(entry.collection(), c -> new LinkedHashMap<>())
                    .computeIfAbsent(entry.documentId(), d -> new ArrayList<>())
                    .add(entry.event().eventId());
        }
        byCollection.forEach((collection, documents) -> {
            var bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
            documents.forEach((id, eventIds) -> bulk.updateOne(
                    query(where("_id").is(id)),
                    new Update().pull("outbox", new Document("eventId", new Document("$in", eventIds)))));
            bulk.execute();
        });
    }

    private void report(List<Entry> waiting) {
        backlog = waiting.size();
        oldestWaiting = waiting.stream()
                .map(e -> e.event().writtenAt())
                .min(Comparator.naturalOrder())
                .orElse(null);
    }

    /** Events the last pass of this relay could not publish (0 when another replica's relay publishes). */
    public int backlog() {
        return backlog;
    }

    /** How long the oldest of them has waited, in seconds (0 when nothing waits). */
    public double oldestWaitingSeconds() {
        Instant oldest = oldestWaiting;
        return oldest == null
                ? 0
                : Math.max(0, Duration.between(oldest, Instant.now()).toMillis() / 1000.0);
    }

    /**
     * Stops the scheduled relay without letting go of the lease, as a crash would (tests use it). Returns once a
     * pass in flight has finished, so nothing written after it is published until {@link #resume()} or an explicit
     * {@link #relayOnce()}.
     */
    public void pause() {
        running.set(false);
        synchronized (this) {
            // waits for the pass in flight, if any
        }
    }

    public void resume() {
        running.set(true);
    }

    /** A clean stop: no more passes, and the lease goes at once to another replica's relay. */
    @Override
    public void destroy() {
        stopped.set(true);
        synchronized (this) {
            mongo.remove(query(where("_id").is(leaseName).and("holder").is(holder)), LEASES);
        }
    }

    /** Renews the lease this relay holds, or takes it when it is free or has run out. */
    private boolean holdLease() {
        synchronized (leaseLock) {
            return holdLeaseNow();
        }
    }

    private boolean holdLeaseNow() {
        // the wall clock, not the injected one: a lease is about real waiting, and tests move the clinic's clock
        Instant now = Instant.now();
        Instant until = now.plus(lease);
        var renewed = mongo.updateFirst(
                query(where("_id").is(leaseName).and("holder").is(holder)),
                new Update().set("leaseUntil", until),
                LEASES);
        if (renewed.getMatchedCount() == 0) {
            if (mongo.exists(query(where("_id").is(leaseName).and("leaseUntil").gte(now)), LEASES)) {
                return false; // another replica's relay holds it: asked without the write that would collide
            }
            try {
                // free when there is no lease document or its lease ran out; an upsert meeting a held lease collides
                mongo.findAndModify(
                        query(where("_id").is(leaseName).and("leaseUntil").lt(now)),
                        new Update().set("holder", holder).set("leaseUntil", until),
                        FindAndModifyOptions.options().upsert(true).returnNew(true),
                        Document.class,
                        LEASES);
                log.info("Outbox relay {}: this replica publishes now (lease {})", leaseName, holder);
            } catch (DuplicateKeyException taken) {
                return false;
            }
        }
        leaseUntil = until;
        return true;
    }

    /** Renews the lease when half of it has gone by during a long pass; false when another relay has it now. */
    private boolean keepLease() {
        return Instant.now().isBefore(leaseUntil.minus(lease.dividedBy(2))) || holdLease();
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
        return inPublishingOrder(entries, collections);
    }

    /**
     * The documents interleaved by when their entries were written, each document's own entries in array order:
     * the slots a document's entries take in time order are filled with those entries in the order they were
     * appended, so a writer whose clock ran behind another's cannot reorder one document's changes.
     */
    static List<Entry> inPublishingOrder(List<Entry> entries, List<String> collections) {
        List<Entry> byTime = new ArrayList<>(entries);
        byTime.sort(Comparator.comparing((Entry e) -> e.event().writtenAt())
                .thenComparing(e -> collections.indexOf(e.collection()))
                .thenComparingInt(Entry::position));
        Map<List<Object>, ArrayDeque<Entry>> byDocument = new HashMap<>();
        entries.stream()
                .sorted(Comparator.comparingInt(Entry::position))
                .forEach(e -> byDocument
                        .computeIfAbsent(e.document(), d -> new ArrayDeque<>())
                        .add(e));
        return byTime.stream()
                .map(slot -> byDocument.get(slot.document()).poll())
                .toList();
    }

    record Entry(String collection, Object documentId, int position, PendingEvent event) {

        List<Object> document() {
            return List.of(collection, documentId);
        }
    }
}
