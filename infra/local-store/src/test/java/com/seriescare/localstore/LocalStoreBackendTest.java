package com.seriescare.localstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.Index;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.bson.Document;
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
        assertThat(idIndex().canHandle(new de.bwaldvogel.mongo.bson.Document("_id", "text-1").append("n", 1)))
                .isTrue();
        assertThat(texts.find(Filters.and(Filters.eq("_id", "text-1"), Filters.eq("n", 1)))
                        .first())
                .isNotNull();
    }

    private Index<?> idIndex() {
        return backend.resolveDatabase("db").resolveCollection("texts", true).getIndexes().stream()
                .filter(index -> index.getName().equals("_id_"))
                .findFirst()
                .orElseThrow();
    }
}
