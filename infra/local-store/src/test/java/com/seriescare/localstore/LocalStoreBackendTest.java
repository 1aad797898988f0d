package com.seriescare.localstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.Index;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.stream.IntStream;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStoreBackendTest {

    @TempDir
    Path folder;

    private LocalStoreBackend backend;
    private MongoServer server;
    private MongoClient client;
    private MongoCollection<Document> texts;

    @BeforeEach
    void start() {
        open();
        List<Document> many = new ArrayList<>();
        IntStream.range(0, 500)
                .forEach(n -> many.add(new Document("_id", "text-" + n)
                        .append("status", "PLANNED")
                        .append("n", n)));
        texts.insertMany(many);
    }

    private void open() {
        backend = new LocalStoreBackend(folder.resolve("store.mv"));
        server = new MongoServer(backend);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
        texts = client.getDatabase("db").getCollection("texts");
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    /** Without it, every compare-and-set by id read the whole collection (the store's own _id index said "not mine"). */
    @Test
    void aQueryNamingTheIdAndMoreIsAnsweredByTheIdIndex() {
        Index<?> ids = idIndex();

        var idAndStatus = new de.bwaldvogel.mongo.bson.Document("_id", "text-7").append("status", "PLANNED");
        var inAnd = new de.bwaldvogel.mongo.bson.Document(
                "$and",
                List.of(
                        new de.bwaldvogel.mongo.bson.Document("_id", "text-8"),
                        new de.bwaldvogel.mongo.bson.Document("n", new de.bwaldvogel.mongo.bson.Document("$gt", 1))));
        var inList = new de.bwaldvogel.mongo.bson.Document(
                        "_id", new de.bwaldvogel.mongo.bson.Document("$in", List.of("text-1", "text-2")))
                .append("status", "PLANNED");

        assertThat(ids.canHandle(idAndStatus)).isTrue();
        assertThat(ids.getPositions(idAndStatus)).hasSize(1);
        assertThat(ids.canHandle(inAnd)).isTrue();
        assertThat(ids.getPositions(inAnd)).hasSize(1);
        assertThat(ids.getPositions(inList)).hasSize(2);
        assertThat(ids.canHandle(new de.bwaldvogel.mongo.bson.Document("status", "PLANNED")))
                .isFalse();
        assertThat(ids.canHandle(new de.bwaldvogel.mongo.bson.Document(
                        "$or",
                        List.of(
                                new de.bwaldvogel.mongo.bson.Document("_id", "text-1"),
                                new de.bwaldvogel.mongo.bson.Document("n", 3)))))
                .isFalse();
    }

    @Test
    void theRestOfTheQueryStillDecides() {
        var leased = texts.updateOne(
                Filters.and(Filters.eq("_id", "text-5"), Filters.eq("status", "PLANNED")),
                Updates.set("status", "LEASED"));
        var again = texts.updateOne(
                Filters.and(Filters.eq("_id", "text-5"), Filters.eq("status", "PLANNED")),
                Updates.set("status", "LEASED"));

        assertThat(leased.getModifiedCount()).isEqualTo(1);
        assertThat(again.getModifiedCount()).isZero();
        assertThat(texts.find(Filters.and(
                                Filters.in("_id", "text-4", "text-5", "text-6"), Filters.eq("status", "PLANNED")))
                        .into(new ArrayList<>()))
                .extracting(d -> d.getString("_id"))
                .containsExactlyInAnyOrder("text-4", "text-6");
        assertThat(texts.find(new Document(
                                "$and",
                                List.of(new Document("_id", "text-9"), new Document("n", new Document("$lt", 9)))))
                        .first())
                .isNull();
        assertThat(texts.countDocuments(Filters.eq("status", "PLANNED"))).isEqualTo(499);
    }

    @Test
    void aReopenedStoreKeepsItsDataAndItsIdLookups() {
        stop();
        backend.close();
        open();

        assertThat(texts.countDocuments()).isEqualTo(500);
        assertThatThrownBy(() -> texts.insertOne(new Document("_id", "text-3")))
                .as("the rebuilt _id index still refuses a second text-3")
                .isInstanceOfSatisfying(
                        com.mongodb.MongoWriteException.class,
                        e -> assertThat(e.getCode()).isEqualTo(11000));
        assertThat(idIndex().canHandle(new de.bwaldvogel.mongo.bson.Document("_id", "text-1").append("n", 1)))
                .isTrue();
        assertThat(texts.find(Filters.and(Filters.eq("_id", "text-1"), Filters.eq("n", 1)))
                        .first())
                .isNotNull();
    }

    private Index<?> idIndex() {
        return index("_id_");
    }

    @SuppressWarnings("unchecked")
    private Index<Object> index(String name) {
        return (Index<Object>) backend.resolveDatabase("db").resolveCollection("texts", true).getIndexes().stream()
                .filter(index -> index.getName().equals(name))
                .findFirst()
                .orElseThrow();
    }

    // --- secondary indexes ---

    private static final Instant NOW = Instant.parse("2026-12-03T09:00:00Z");

    /** 500 texts planned for the weeks ahead (from start()), 3 due, 2 leased: as dispatch sees its store. */
    private void planTexts() {
        List<Document> many = new ArrayList<>();
        for (int n = 0; n < 500; n++) {
            many.add(new Document("status", "PLANNED").append("dueAt", Date.from(NOW.plus(Duration.ofMinutes(n + 1)))));
        }
        for (int n = 0; n < 3; n++) {
            many.add(new Document("_id", "due-" + n)
                    .append("status", "PLANNED")
                    .append("dueAt", Date.from(NOW.minusSeconds(n))));
        }
        many.add(new Document("_id", "leased-0").append("status", "LEASED").append("dueAt", Date.from(NOW)));
        many.add(new Document("_id", "leased-1").append("status", "LEASED").append("dueAt", Date.from(NOW)));
        texts.insertMany(many);
        // as Spring Data's @Indexed on the status creates it, before the service creates the one below
        texts.createIndex(Indexes.ascending("status"), new IndexOptions().name("status"));
        texts.createIndex(Indexes.ascending("status", "dueAt"), new IndexOptions().name("due"));
    }

    private static final Bson DUE = Filters.and(Filters.eq("status", "PLANNED"), Filters.lte("dueAt", Date.from(NOW)));

    private List<String> due() {
        return texts.find(DUE)
                .sort(Sorts.ascending("dueAt"))
                .map(d -> d.get("_id").toString())
                .into(new ArrayList<>());
    }

    /** Without it, the search for due texts read every text planned for the weeks ahead (the store ignored the index). */
    @Test
    void aSecondaryIndexHandsOverOnlyWhatItsRangeSelects() {
        planTexts();
        Index<?> due = index("due");

        var dueQuery = new de.bwaldvogel.mongo.bson.Document("status", "PLANNED")
                .append("dueAt", new de.bwaldvogel.mongo.bson.Document("$lte", NOW))
                .append("$or", List.of(new de.bwaldvogel.mongo.bson.Document("turnAt", null)));

        assertThat(due.canHandle(dueQuery)).isTrue();
        assertThat(((LocalCollection) backend.resolveDatabase("db").resolveCollection("texts", true))
                        .indexFor(dueQuery)
                        .map(Index::getName))
                .as("the index that narrows most, not the first that can answer")
                .contains("due");
        assertThat(due.getPositions(dueQuery)).hasSize(3);
        assertThat(due.getPositions(new de.bwaldvogel.mongo.bson.Document("status", "LEASED")))
                .hasSize(2);
        assertThat(due.canHandle(new de.bwaldvogel.mongo.bson.Document("dueAt", NOW)))
                .isFalse();
        assertThat(due()).containsExactly("due-2", "due-1", "due-0");
    }

    /**
     * {@code countDocuments} - and so Spring's {@code exists} and {@code count} - is an aggregation, which the store ran
     * over every document of the collection: a lock's "is this day held?" or "is this series known?" read them all.
     */
    @Test
    void aCountIsNarrowedByTheIndexOfItsMatch() {
        planTexts();
        LocalCollection collection =
                (LocalCollection) backend.resolveDatabase("db").resolveCollection("texts", true);
        long before = collection.documentsExamined();

        long leased = texts.countDocuments(Filters.eq("status", "LEASED"));
        long due = texts.countDocuments(DUE);
        long anyDue = texts.countDocuments(DUE, new com.mongodb.client.model.CountOptions().limit(1));
        long all = texts.countDocuments();

        assertThat(leased).isEqualTo(2);
        assertThat(due).isEqualTo(3);
        assertThat(anyDue).isEqualTo(1);
        assertThat(all).isEqualTo(1005);
        assertThat(collection.documentsExamined() - before)
                .as("2 leased, 3 due twice, then every document for the count of all")
                .isEqualTo(2 + 3 + 3 + 1005);
    }

    /** A dispatch batch asks for its patients' texts with {@code $in}: the store read every text for it. */
    @Test
    void aSearchForSeveralValuesReadsOnlyTheirDocuments() {
        texts.createIndex(Indexes.ascending("n"), new IndexOptions().name("n"));
        LocalCollection collection =
                (LocalCollection) backend.resolveDatabase("db").resolveCollection("texts", true);
        long before = collection.documentsExamined();

        var found = texts.find(Filters.and(Filters.in("n", 3, 7, 11), Filters.eq("status", "PLANNED")))
                .map(d -> d.getInteger("n"))
                .into(new ArrayList<>());

        assertThat(found).containsExactlyInAnyOrder(3, 7, 11);
        assertThat(collection.documentsExamined() - before).isEqualTo(3);
    }

    /**
     * A session's texts not yet gone out, as notification-service asks each time a checklist link is issued: the
     * {@code $in} on the status was answered value by value through {@code {status: 1, dueAt: 1}}, every planned text
     * read (7,000 per search in B2) for the session's few. The index that hands over fewest answers it.
     */
    @Test
    void theIndexThatHandsOverFewestAnswers() {
        planTexts();
        texts.createIndex(Indexes.ascending("sessionId"), new IndexOptions().name("session"));
        for (int n = 0; n < 3; n++) {
            texts.insertOne(new Document("_id", "s1-" + n)
                    .append("status", n == 2 ? "LEASED" : "PLANNED")
                    .append("dueAt", Date.from(NOW.plus(Duration.ofDays(n))))
                    .append("kind", n == 0 ? "CHECKLIST_LINK" : "REMINDER")
                    .append("sessionId", "s-1"));
        }
        LocalCollection collection =
                (LocalCollection) backend.resolveDatabase("db").resolveCollection("texts", true);
        long before = collection.documentsExamined();

        var pending = Document.parse("""
                {"$and": [{"kind": "CHECKLIST_LINK", "sessionId": "s-1", "planKey": {"$ne": "new"}},
                          {"status": {"$in": ["PLANNED", "LEASED"]}}]}""");
        var pendingOfSession = texts.find(pending).map(d -> d.getString("_id")).into(new ArrayList<>());
        var plannedOfSession = texts.find(Filters.and(Filters.eq("status", "PLANNED"), Filters.eq("sessionId", "s-1")))
                .map(d -> d.getString("_id"))
                .into(new ArrayList<>());

        assertThat(pendingOfSession).containsExactly("s1-0");
        assertThat(plannedOfSession).containsExactlyInAnyOrder("s1-0", "s1-1");
        assertThat(collection.documentsExamined() - before)
                .as("the session's 3 texts, then the same 3 again; not the 505 planned")
                .isEqualTo(3 + 3);
        // the $in answered value by value where that is narrower still: three values of a key no other index narrows
        long beforeIn = collection.documentsExamined();
        assertThat(texts.find(Filters.and(Filters.in("_id", "due-0", "due-1"), Filters.in("status", "PLANNED")))
                        .into(new ArrayList<>()))
                .hasSize(2);
        assertThat(collection.documentsExamined() - beforeIn).isEqualTo(2);
    }

    @Test
    void theIndexFollowsEveryChange() {
        planTexts();
        texts.updateOne(Filters.eq("_id", "due-0"), Updates.set("status", "LEASED"));
        texts.updateOne(Filters.eq("_id", "leased-0"), Updates.set("status", "PLANNED"));
        texts.updateMany(
                Filters.and(Filters.eq("status", "PLANNED"), Filters.gt("dueAt", Date.from(NOW.plusSeconds(30 * 60)))),
                Updates.set("dueAt", Date.from(NOW.plusSeconds(3600))));
        texts.insertOne(new Document("_id", "late")
                .append("status", "PLANNED")
                .append("dueAt", Date.from(NOW.minusSeconds(60))));
        // a change to no key of the index keeps the document where it was
        texts.updateOne(Filters.eq("_id", "late"), Updates.inc("attempts", 1));
        texts.insertOne(new Document("_id", "odd")
                .append("status", List.of("PLANNED", "HELD"))
                .append("dueAt", Date.from(NOW.minusSeconds(120))));
        texts.deleteOne(Filters.eq("_id", "due-1"));
        texts.updateOne(
                Filters.eq("_id", "due-2"),
                Updates.set("dueAt", Date.from(NOW.plusSeconds(1))),
                new UpdateOptions().upsert(true));
        texts.updateOne(
                Filters.eq("_id", "new"),
                Updates.combine(Updates.set("status", "PLANNED"), Updates.set("dueAt", Date.from(NOW.minusSeconds(5)))),
                new UpdateOptions().upsert(true));

        List<String> scanned = texts.find().into(new ArrayList<>()).stream()
                .filter(d -> "PLANNED".equals(d.get("status"))
                        || d.get("status") instanceof List<?> all && all.contains("PLANNED"))
                .filter(d -> d.getDate("dueAt") != null
                        && !d.getDate("dueAt").toInstant().isAfter(NOW))
                .sorted(java.util.Comparator.comparing(d -> d.getDate("dueAt")))
                .map(d -> d.get("_id").toString())
                .toList();
        assertThat(due()).containsExactlyElementsOf(scanned).containsExactly("odd", "late", "new", "leased-0");
        assertThat(texts.countDocuments(
                        Filters.and(Filters.eq("status", "PLANNED"), Filters.gt("dueAt", Date.from(NOW)))))
                .isEqualTo(501);
    }

    /** The outbox relay's search: documents with an event written before a moment, as {@code OutboxRelay} asks it. */
    @Test
    void anIndexOnAnArrayHasAPlacePerElement() {
        List<Document> many = new ArrayList<>();
        for (int n = 0; n < 300; n++) {
            many.add(new Document("_id", "empty-" + n).append("outbox", List.of()));
        }
        many.add(new Document("_id", "waiting")
                .append(
                        "outbox",
                        List.of(
                                new Document("writtenAt", Date.from(NOW.minusSeconds(6))),
                                new Document("writtenAt", Date.from(NOW.minusSeconds(5))),
                                new Document("writtenAt", Date.from(NOW.plusSeconds(5))))));
        many.add(new Document("_id", "fresh").append("outbox", List.of(new Document("writtenAt", Date.from(NOW)))));
        many.add(new Document("_id", "spread").append("n", List.of(1, 10)));
        texts.insertMany(many);
        texts.createIndex(Indexes.ascending("outbox.writtenAt"), new IndexOptions().name("outbox_waiting"));
        texts.createIndex(Indexes.ascending("n"), new IndexOptions().name("n"));
        var settled = new de.bwaldvogel.mongo.bson.Document(
                "outbox",
                new de.bwaldvogel.mongo.bson.Document(
                        "$elemMatch",
                        new de.bwaldvogel.mongo.bson.Document(
                                "writtenAt", new de.bwaldvogel.mongo.bson.Document("$lte", NOW.minusSeconds(1)))));

        // once, though two of its entries are in the range
        assertThat(index("outbox_waiting").getPositions(settled)).containsExactly("waiting");
        assertThat(texts.find(Filters.elemMatch("outbox", Filters.lte("writtenAt", Date.from(NOW.minusSeconds(1)))))
                        .map(d -> d.getString("_id"))
                        .into(new ArrayList<>()))
                .containsExactly("waiting");
        // an element above 3 and another below 5: MongoDB matches it, so the index may not narrow to (3, 5)
        assertThat(texts.find(Filters.and(Filters.gt("n", 3), Filters.lt("n", 5)))
                        .map(d -> d.getString("_id"))
                        .into(new ArrayList<>()))
                .contains("spread");
        texts.updateOne(Filters.eq("_id", "waiting"), Updates.pull("outbox", new Document()));
        assertThat(index("outbox_waiting").getPositions(settled)).isEmpty();
    }

    @Test
    void aReopenedStoreRebuildsItsSecondaryIndexes() {
        planTexts();
        stop();
        backend.close();
        open();

        assertThat(index("due")
                        .getPositions(new de.bwaldvogel.mongo.bson.Document("status", "PLANNED")
                                .append("dueAt", new de.bwaldvogel.mongo.bson.Document("$lte", NOW))))
                .hasSize(3);
        assertThat(due()).containsExactly("due-2", "due-1", "due-0");
    }
}
