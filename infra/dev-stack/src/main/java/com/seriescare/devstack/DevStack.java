package com.seriescare.devstack;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The whole system on one machine with nothing installed: a Kafka broker and a MongoDB-compatible store, both
 * kept on disk under the data folder, and the three services on 8081, 8082 and 8083. Runs in the foreground;
 * Ctrl-C stops everything, services first.
 *
 * <p>Settings (environment): {@code SERIESCARE_DATA_DIR} (default {@code .data}), {@code KAFKA_PORT} (9092),
 * {@code MONGO_PORT} (27017); {@code TWILIO_*} and {@code CLINIC_*} are passed on to the services.
 */
public final class DevStack implements AutoCloseable {

    /** One of the three services: its name, its jar below the project root, its HTTP port. */
    public record Service(String name, String jar, int port) {
        public URI health() {
            return URI.create("http://localhost:" + port + "/actuator/health");
        }
    }

    public static final List<Service> SERVICES = List.of(
            new Service("scheduling", "scheduling-service/target/scheduling-service.jar", 8081),
            new Service("intake", "intake-service/target/intake-service.jar", 8082),
            new Service("notification", "notification-service/target/notification-service.jar", 8083));

    /** The services' profile on this machine: dev users, the local SMS sink, {@code /api/dev/**}. */
    public static final String DEV_PROFILE = "dev";

    /**
     * JVM options for each service, so three services and a broker fit beside a developer's IDE: a heap sized to what a
     * service keeps, the serial collector (G1's own bookkeeping took 40 MB per service; on two cores its concurrent
     * threads only compete with the services), and the quick compiler. The benchmarks' B6 measures what they add up to.
     * The heap: scheduling-service kept 50-60 MB live after 7,000 bookings (a class histogram after B1 and B2), yet with
     * 256 MB its old generation grew to the whole of it before collecting, and that was most of its 425 MB resident;
     * 192 MB is still three times what it keeps.
     */
    public static final List<String> SERVICE_JVM_OPTIONS =
            List.of("-Xmx192m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private final PrintStream out;
    private final List<AutoCloseable> running = new ArrayList<>();

    private DevStack(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) throws InterruptedException {
        Path root = Path.of(System.getProperty("seriescare.root", "."))
                .toAbsolutePath()
                .normalize();
        Path data = Path.of(env("SERIESCARE_DATA_DIR", root.resolve(".data").toString()));
        var stack = new DevStack(System.out);
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            stopped.countDown();
        }));
        try {
            stack.start(
                    root,
                    data,
                    Integer.parseInt(env("KAFKA_PORT", "9092")),
                    Integer.parseInt(env("MONGO_PORT", "27017")));
        } catch (RuntimeException e) {
            System.err.println("The dev stack could not start: " + e.getMessage());
            System.exit(1);
        }
        stopped.await();
    }

    void start(Path root, Path data, int kafkaPort, int mongoPort) {
        long began = System.nanoTime();
        out.println("Data folder: " + data);
        MongoStore mongo = MongoStore.start(data, mongoPort);
        running.add(mongo);
        out.println("MongoDB-compatible store on " + mongo.uri());
        KafkaBroker kafka = KafkaBroker.start(data, kafkaPort, out);
        running.add(kafka);
        out.println("Kafka broker on " + kafka.bootstrapServers());

        Map<String, String> env = Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "MONGODB_URI", mongo.uri(),
                // dev users, the local SMS sink and /api/dev/**: this machine only (a profile the services refuse
                // to go without in any other way)
                "SPRING_PROFILES_ACTIVE", DEV_PROFILE);
        List<ServiceProcess> services = new ArrayList<>();
        for (Service service : SERVICES) {
            var withPort = new java.util.HashMap<>(env);
            withPort.put("PORT", String.valueOf(service.port()));
            var process = ServiceProcess.startJar(
                    service.name(), root.resolve(service.jar()), SERVICE_JVM_OPTIONS, withPort, out);
            running.add(process);
            services.add(process);
        }
        for (int i = 0; i < SERVICES.size(); i++) {
            services.get(i).awaitHealthy(SERVICES.get(i).health(), Duration.ofMinutes(3));
        }
        out.printf("""

                ==> SeriesCare is up (%d s). Ctrl-C stops everything.
                    scheduling    http://localhost:8081  (API /api, OpenAPI /swagger-ui.html)
                    intake        http://localhost:8082
                    notification  http://localhost:8083  (texts sent: GET /api/dev/sms)
                    Kafka         %s     MongoDB  %s

                """, (System.nanoTime() - began) / 1_000_000_000, kafka.bootstrapServers(), mongo.uri());
    }

    /** Stops services first (they flush and commit), then the broker, then the store. */
    @Override
    public void close() {
        out.println("Stopping the dev stack...");
        List<AutoCloseable> reversed = new ArrayList<>(running);
        java.util.Collections.reverse(reversed);
        List<Thread> stopping = new ArrayList<>();
        for (AutoCloseable part : reversed) {
            if (part instanceof ServiceProcess) {
                stopping.add(Thread.ofPlatform().start(() -> closeQuietly(part)));
            }
        }
        for (Thread thread : stopping) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        reversed.stream().filter(part -> !(part instanceof ServiceProcess)).forEach(DevStack::closeQuietly);
        running.clear();
        out.println("Stopped.");
    }

    private static void closeQuietly(AutoCloseable part) {
        try {
            part.close();
        } catch (Exception e) {
            System.err.println("While stopping: " + e.getMessage());
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
