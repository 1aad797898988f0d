package com.seriescare.devstack;

import com.seriescare.testsupport.JsonHttp;
import com.seriescare.testsupport.TwilioFake;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The packaged services as separate processes, any number of instances of each, against the dev stack's broker
 * process and store, with the Twilio fake: the fault suite's system. Unlike {@link RunningSystem} (one instance of
 * each, shared by the other system tests) its parts can be killed, stopped and started again: an instance with
 * SIGKILL, the store and the broker on the same port and data, so what survives a fault is what production keeps.
 */
final class Cluster implements AutoCloseable {

    static final String TWILIO_NUMBER = RunningSystem.TWILIO_NUMBER;

    final TwilioFake twilio = TwilioFake.start();
    private final Path data;
    private final int storePort = Ports.free();
    private final int brokerPort = Ports.freePair();
    private final PrintStream log;
    private final Map<String, ServiceProcess> instances = new LinkedHashMap<>();
    private final Map<String, Integer> ports = new HashMap<>();
    private MongoStore store;
    private KafkaBroker broker;

    private Cluster(Path data, PrintStream log) {
        this.data = data;
        this.log = log;
    }

    /** The store and the broker; no service yet. */
    static Cluster start(String name) {
        try {
            Path logs = Files.createDirectories(Path.of("target/system-test"));
            var cluster = new Cluster(
                    Files.createTempDirectory("seriescare-" + name),
                    new PrintStream(Files.newOutputStream(logs.resolve(name + ".log")), true));
            cluster.startStore();
            cluster.startBroker();
            // a test JVM that is killed or times out must not leave services running
            Runtime.getRuntime().addShutdownHook(new Thread(cluster::killAll));
            return cluster;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts instances named {@code <service>-<n>} (e.g. {@code notification-2}) and waits until all are healthy. */
    void startAll(String... names) {
        for (String name : names) {
            launch(name);
        }
        for (String name : names) {
            instances.get(name).awaitHealthy(URI.create(url(name) + "/actuator/health"), Duration.ofMinutes(3));
        }
    }

    /** Starts those of the named instances that are not running, and moves their clocks to the others' time. */
    void ensureRunning(String... names) {
        String[] missing =
                java.util.Arrays.stream(names).filter(n -> !isRunning(n)).toArray(String[]::new);
        if (missing.length > 0) {
            startAll(missing);
            travelTo(now());
        }
    }

    private void launch(String name) {
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
                "TWILIO_ACCOUNT_SID",
                TwilioFake.ACCOUNT_SID,
                "TWILIO_AUTH_TOKEN",
                TwilioFake.AUTH_TOKEN,
                "TWILIO_FROM_NUMBER",
                TWILIO_NUMBER,
                "TWILIO_API_BASE_URL",
                twilio.baseUrl(),
                "PUBLIC_BASE_URL",
                RunningSystem.PUBLIC_BASE_URL,
                "FORMS_PUBLIC_BASE_URL",
                "http://localhost:" + port));
        // the suite books many patients into the same hours; chairs are not what it tests
        env.put("CLINIC_CHAIRS", "1000");
        env.put("SPRING_PROFILES_ACTIVE", DevStack.DEV_PROFILE);
        List<String> jvm = new ArrayList<>(DevStack.SERVICE_JVM_OPTIONS);
        jvm.add("-Dseriescare.dev.clock-control=true");
        instances.put(name, ServiceProcess.startJar(name, RunningSystem.ROOT.resolve(packaged.jar()), jvm, env, log));
    }

    /** The latest "now" among the running instances' clocks. */
    java.time.Instant now() {
        return instances.keySet().stream()
                .map(instance -> java.time.Instant.parse(frontDesk(instance)
                        .get("/api/dev/clock")
                        .json()
                        .path("now")
                        .asString()))
                .max(java.util.Comparator.naturalOrder())
                .orElseThrow();
    }

    /** SIGKILL: no shutdown, no lease let go, a Twilio request cut off mid-flight. */
    void kill(String instance) {
        instances.remove(instance).kill();
    }

    /** SIGTERM: a clean stop. */
    void stop(String instance) {
        instances.remove(instance).close();
    }

    boolean isRunning(String instance) {
        return instances.containsKey(instance) && instances.get(instance).isAlive();
    }

    void stopStore() {
        store.close();
    }

    void startStore() {
        store = MongoStore.start(data, storePort);
    }

    void stopBroker() {
        broker.close();
    }

    void startBroker() {
        broker = KafkaBroker.start(data, brokerPort, log);
    }

    String url(String instance) {
        return "http://localhost:" + ports.get(instance);
    }

    JsonHttp frontDesk(String instance) {
        return JsonHttp.at(url(instance)).as("frontdesk", "frontdesk");
    }

    JsonHttp operator(String instance) {
        return JsonHttp.at(url(instance)).as("operator", "operator");
    }

    String kafka() {
        return broker.bootstrapServers();
    }

    /** Moves the clocks of every running instance forward to {@code now}. */
    void travelTo(java.time.Instant now) {
        twilio.travelTo(now);
        for (String instance : instances.keySet()) {
            var answer = frontDesk(instance).put("/api/dev/clock", "{\"now\":\"" + now + "\"}");
            if (answer.status() != 200) {
                throw new IllegalStateException(instance + " did not move its clock: " + answer.body());
            }
        }
    }

    /** A patient texts the clinic, through Twilio's signed webhook, to the given notification instance. */
    int patientTexts(String notificationInstance, String fromPhone, String body) {
        return twilio.textFromPatient(
                RunningSystem.PUBLIC_BASE_URL + "/twilio/inbound",
                url(notificationInstance) + "/twilio/inbound",
                fromPhone,
                TWILIO_NUMBER,
                body);
    }

    private synchronized void killAll() {
        instances.values().forEach(ServiceProcess::kill);
        instances.clear();
    }

    @Override
    public synchronized void close() {
        instances.values().forEach(ServiceProcess::close);
        instances.clear();
        if (broker != null) {
            broker.close();
        }
        if (store != null) {
            store.close();
        }
        twilio.close();
        log.close();
    }
}
