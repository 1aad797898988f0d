package com.seriescare.testsupport;

import com.seriescare.contracts.Topics;
import com.seriescare.localstore.LocalStoreBackend;
import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The one Kafka broker and the one MongoDB-wire store of this test JVM, started on first use and shared by every
 * test class (and every Spring context) in it.
 *
 * <p>Where Docker is available they are real Kafka and MongoDB containers (Testcontainers); otherwise a real
 * in-JVM KRaft broker and mongo-java-server on its H2 file backend, the one {@code ./run-local} uses (its memory
 * backend accepts queries the H2 backend rejects, so tests on it hid a broken feature). The system property {@value #MODE_PROPERTY} forces either mode
 * ({@code containers} or {@code embedded}); the default, {@code auto}, picks by Docker's presence.
 */
public final class SharedInfrastructure {

    public static final String MODE_PROPERTY = "seriescare.test.infra";

    /** Partitions per topic: more than one, so per-patient ordering is really exercised. */
    public static final int PARTITIONS = 3;

    private static final Logger log = LoggerFactory.getLogger(SharedInfrastructure.class);

    private static volatile Endpoints endpoints;

    /** Where the shared broker and store listen. */
    public record Endpoints(Mode mode, String kafkaBootstrapServers, String mongoUri) {}

    public enum Mode {
        CONTAINERS,
        EMBEDDED
    }

    private SharedInfrastructure() {}

    public static Endpoints endpoints() {
        Endpoints started = endpoints;
        if (started == null) {
            synchronized (SharedInfrastructure.class) {
                started = endpoints;
                if (started == null) {
                    started = start(chooseMode());
                    endpoints = started;
                }
            }
        }
        return started;
    }

    static Mode chooseMode() {
        String wanted = System.getProperty(MODE_PROPERTY, "auto").toLowerCase(Locale.ROOT);
        return switch (wanted) {
            case "containers" -> Mode.CONTAINERS;
            case "embedded" -> Mode.EMBEDDED;
            case "auto" -> dockerAvailable() ? Mode.CONTAINERS : Mode.EMBEDDED;
            default ->
                throw new IllegalArgumentException(
                        MODE_PROPERTY + " must be auto, containers or embedded, not '" + wanted + "'");
        };
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static Endpoints start(Mode mode) {
        long began = System.nanoTime();
        Endpoints started = mode == Mode.CONTAINERS ? startContainers() : startEmbedded();
        log.info(
                "Test infrastructure mode {}: Kafka at {}, MongoDB at {} (started in {} ms)",
                mode,
                started.kafkaBootstrapServers(),
                started.mongoUri(),
                (System.nanoTime() - began) / 1_000_000);
        return started;
    }

    @SuppressWarnings("resource") // closed by the JVM shutdown hook below
    private static Endpoints startContainers() {
        KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1");
        MongoDBContainer mongo = new MongoDBContainer("mongo:8.0");
        kafka.start();
        mongo.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.stop();
            mongo.stop();
        }));
        createTopics(kafka.getBootstrapServers());
        return new Endpoints(Mode.CONTAINERS, kafka.getBootstrapServers(), mongo.getReplicaSetUrl());
    }

    private static Endpoints startEmbedded() {
        EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, PARTITIONS, allTopics());
        kafka.afterPropertiesSet();
        storeFile = temporaryStoreFile();
        store = new MongoServer(new LocalStoreBackend(storeFile));
        InetSocketAddress address = store.bind();
        storeAddress = address;
        // Only the broker is stopped at exit (it deletes its temporary log folders). The store dies with the JVM;
        // stopping it from a shutdown hook would race the Spring contexts' own hooks, which still poll it. Its file
        // is deleted at exit.
        Runtime.getRuntime().addShutdownHook(new Thread(kafka::destroy));
        storeFile.toFile().deleteOnExit();
        // a store that is down is noticed in seconds (the driver's default waits 30 s), so outages are quick to test
        return new Endpoints(
                Mode.EMBEDDED,
                kafka.getBrokersAsString(),
                "mongodb://127.0.0.1:" + address.getPort() + "/?serverSelectionTimeoutMS=3000");
    }

    private static volatile MongoServer store;
    private static volatile Path storeFile;
    private static volatile InetSocketAddress storeAddress;

    /**
     * Takes the embedded store down (its port closed, every connection cut) until the returned handle is closed,
     * which brings it back on the same port with the same data: an outage, as a test input. Embedded mode only.
     */
    public static synchronized AutoCloseable storeOutage() {
        if (endpoints().mode() != Mode.EMBEDDED) {
            throw new IllegalStateException("a store outage can only be staged on the embedded store");
        }
        store.shutdownNow();
        return () -> {
            synchronized (SharedInfrastructure.class) {
                store = new MongoServer(new LocalStoreBackend(storeFile));
                store.bind(storeAddress.getHostString(), storeAddress.getPort());
            }
        };
    }

    private static Path temporaryStoreFile() {
        try {
            Path dir = Files.createTempDirectory("seriescare-store");
            dir.toFile().deleteOnExit();
            return dir.resolve("mongo.mv");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void createTopics(String bootstrapServers) {
        try (var admin = org.apache.kafka.clients.admin.AdminClient.create(
                java.util.Map.of("bootstrap.servers", bootstrapServers))) {
            admin.createTopics(java.util.Arrays.stream(allTopics())
                            .map(topic -> new NewTopic(topic, PARTITIONS, (short) 1))
                            .toList())
                    .all()
                    .get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not create the topics on " + bootstrapServers, e);
        }
    }

    private static String[] allTopics() {
        return new String[] {Topics.SESSION_EVENTS, Topics.INTAKE_EVENTS, Topics.NOTIFICATION_EVENTS, Topics.CARE_ALERTS
        };
    }
}
