package com.seriescare.benchmarks;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.seriescare.devstack.DevStack;
import com.seriescare.devstack.KafkaBroker;
import com.seriescare.devstack.MongoStore;
import com.seriescare.devstack.Ports;
import com.seriescare.devstack.ServiceProcess;
import com.seriescare.testsupport.JsonHttp;
import com.seriescare.testsupport.TwilioFake;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The packaged system as {@code ./run-local} starts it (the dev stack's broker process and H2-backed store, one
 * process per service, the dev profile and its JVM options), sending to a Twilio fake. Service logs go to
 * {@code target/benchmarks/<name>.log}, not to the report's console.
 */
final class BenchSystem implements AutoCloseable {

    private final Path root;
    private final Map<String, String> extraEnv;
    private final PrintStream log;
    private final MongoStore store;
    private final KafkaBroker broker;
    private final TwilioFake twilio = TwilioFake.start();
    private final Map<String, ServiceProcess> running = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new HashMap<>();
    private final MongoClient mongo;

    private BenchSystem(Path root, Path data, Map<String, String> extraEnv, PrintStream log) {
        this.root = root;
        this.extraEnv = extraEnv;
        this.log = log;
        this.store = MongoStore.start(data, Ports.free());
        this.broker = KafkaBroker.start(data, Ports.freePair(), log);
        this.mongo = MongoClients.create(store.uri());
    }

    static BenchSystem start(Path root, String name, Map<String, String> extraEnv) {
        try {
            Path logs = Files.createDirectories(Path.of("infra/benchmarks/target/benchmarks"));
            var system = new BenchSystem(
                    root,
                    Files.createTempDirectory("seriescare-bench-" + name),
                    extraEnv,
                    new PrintStream(Files.newOutputStream(logs.resolve(name + ".log")), true));
            Runtime.getRuntime().addShutdownHook(new Thread(system::killAll));
            Benchmarks.log("starting the packaged system (%s)", name);
            system.startAll("scheduling-1", "intake-1", "notification-1");
            return system;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    TwilioFake twilio() {
        return twilio;
    }

    /** The front desk's view of an instance's API ({@code scheduling}, or {@code scheduling-1}). */
    JsonHttp frontDesk(String instance) {
        String name = instance.contains("-") ? instance : instance + "-1";
        return JsonHttp.at("http://localhost:" + ports.get(name)).as("frontdesk", "frontdesk");
    }

    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /**
     * Waits until nothing is in flight: every consumer group has read its topics to the end, twice a second apart, and
     * no text reached the Twilio fake meanwhile. Returns how long that took (at most {@code patience}).
     */
    Duration awaitIdle(Duration patience) throws Exception {
        Instant began = Instant.now();
        try (var admin = org.apache.kafka.clients.admin.Admin.create(Map.<String, Object>of(
                org.apache.kafka.clients.admin.AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            int quiet = 0;
            int texts = twilio().requestCount();
            while (quiet < 2 && Instant.now().isBefore(began.plus(patience))) {
                Thread.sleep(1000);
                int textsNow = twilio().requestCount();
                quiet = lag(admin) == 0 && textsNow == texts ? quiet + 1 : 0;
                texts = textsNow;
            }
        }
        return Duration.between(began, Instant.now());
    }

    /** Records not yet read, over every consumer group and the partitions it has read. */
    private static long lag(org.apache.kafka.clients.admin.Admin admin) throws Exception {
        long lag = 0;
        for (var group : admin.listConsumerGroups().all().get()) {
            var committed = admin.listConsumerGroupOffsets(group.groupId())
                    .partitionsToOffsetAndMetadata()
                    .get();
            var latest = new java.util.HashMap<
                    org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec>();
            committed.keySet().forEach(p -> latest.put(p, org.apache.kafka.clients.admin.OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get();
            for (var read : committed.entrySet()) {
                if (read.getValue() != null) {
                    lag += ends.get(read.getKey()).offset() - read.getValue().offset();
                }
            }
        }
        return lag;
    }

    String storeUri() {
        return store.uri();
    }

    MongoDatabase notificationStore() {
        return mongo.getDatabase("notification");
    }

    MongoDatabase intakeStore() {
        return mongo.getDatabase("intake");
    }

    /** The running services' process ids, by instance name. */
    Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        synchronized (running) {
            running.forEach((name, process) -> pids.put(name, process.pid()));
        }
        return pids;
    }

    /**
     * The CPU time each process of the system has used so far: the services, the broker, and this process (the store,
     * the Twilio fake and the load share it).
     */
    Map<String, Duration> cpu() {
        Map<String, Long> pids = new LinkedHashMap<>(pids());
        pids.put("broker", broker.pid());
        pids.put("store, Twilio fake and load", ProcessHandle.current().pid());
        Map<String, Duration> used = new LinkedHashMap<>();
        pids.forEach((name, pid) -> ProcessHandle.of(pid)
                .flatMap(process -> process.info().totalCpuDuration())
                .ifPresent(cpu -> used.put(name, cpu)));
        return used;
    }

    void stopNotifications() {
        List<String> notifications = running.keySet().stream()
                .filter(n -> n.startsWith("notification-"))
                .toList();
        for (String name : notifications) {
            ServiceProcess process;
            synchronized (running) {
                process = running.remove(name);
            }
            process.close();
        }
    }

    /**
     * Runs {@code mainClass} of the benchmarks' jar inside notification-service's packaged jar (its classpath, through
     * Spring Boot's {@code PropertiesLauncher}) with the services' JVM options and the given system properties and
     * arguments, and waits for it to end.
     */
    void runInNotificationJar(String mainClass, Map<String, String> properties, List<String> args) {
        DevStack.Service notification = DevStack.SERVICES.stream()
                .filter(s -> s.name().equals("notification"))
                .findFirst()
                .orElseThrow();
        Path benchmarks = Path.of("infra/benchmarks/target/benchmarks.jar").toAbsolutePath();
        List<String> options = new ArrayList<>(DevStack.SERVICE_JVM_OPTIONS);
        options.add("-Dloader.main=" + mainClass);
        options.add("-Dloader.path=" + benchmarks);
        properties.forEach((name, value) -> options.add("-D" + name + "=" + value));
        var process = ServiceProcess.startMain(
                "baseline",
                root.resolve(notification.jar()).toString(),
                options,
                "org.springframework.boot.loader.launch.PropertiesLauncher",
                args,
                log);
        int exit = process.waitForExit(Duration.ofMinutes(5));
        if (exit != 0) {
            throw new IllegalStateException(mainClass + " ended with " + exit + " (its output is in the run's log)");
        }
    }

    void startNotifications(int instances) {
        String[] names = new String[instances];
        for (int i = 0; i < instances; i++) {
            names[i] = "notification-" + (i + 1);
        }
        startAll(names);
    }

    private void startAll(String... names) {
        for (String name : names) {
            String service = name.substring(0, name.lastIndexOf('-'));
            DevStack.Service packaged = DevStack.SERVICES.stream()
                    .filter(s -> s.name().equals(service))
                    .findFirst()
                    .orElseThrow();
            int port = ports.computeIfAbsent(name, n -> Ports.free());
            Map<String, String> env = new HashMap<>(Map.of(
                    "PORT",
                    String.valueOf(port),
                    "KAFKA_BOOTSTRAP_SERVERS",
                    broker.bootstrapServers(),
                    "MONGODB_URI",
                    store.uri(),
                    "SPRING_PROFILES_ACTIVE",
                    DevStack.DEV_PROFILE,
                    "TWILIO_ACCOUNT_SID",
                    TwilioFake.ACCOUNT_SID,
                    "TWILIO_AUTH_TOKEN",
                    TwilioFake.AUTH_TOKEN,
                    "TWILIO_FROM_NUMBER",
                    "+15005550006",
                    "TWILIO_API_BASE_URL",
                    twilio.baseUrl(),
                    "PUBLIC_BASE_URL",
                    "http://localhost:" + port,
                    "FORMS_PUBLIC_BASE_URL",
                    "http://localhost:" + port));
            // many patients booked into the same hours: chairs are not what is measured
            env.put("CLINIC_CHAIRS", "100000");
            env.putAll(extraEnv);
            var process =
                    ServiceProcess.startJar(name, root.resolve(packaged.jar()), DevStack.SERVICE_JVM_OPTIONS, env, log);
            synchronized (running) {
                running.put(name, process);
            }
        }
        for (String name : names) {
            running.get(name)
                    .awaitHealthy(
                            URI.create("http://localhost:" + ports.get(name) + "/actuator/health"),
                            Duration.ofMinutes(3));
        }
    }

    private void killAll() {
        List<ServiceProcess> all;
        synchronized (running) {
            all = new ArrayList<>(running.values());
            running.clear();
        }
        all.forEach(ServiceProcess::kill);
    }

    @Override
    public void close() {
        List<ServiceProcess> all;
        synchronized (running) {
            all = new ArrayList<>(running.values());
            running.clear();
        }
        all.forEach(ServiceProcess::close);
        mongo.close();
        twilio.close();
        broker.close();
        store.close();
    }
}
