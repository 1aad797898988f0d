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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The three services as built ({@code java -jar}), against the broker and store {@code ./run-local} runs (the dev
 * stack's standalone KRaft broker process and mongo-java-server's H2 file backend, on a temporary data folder),
 * sending texts through the real Twilio SDK to the Twilio fake. The services' clocks can be moved forward
 * ({@link #travelTo}), so a test lives through the days of a series. Started once for every system test of the JVM (starting it takes the longest)
 * and stopped when all tests are done, while the broker still runs (stopped later, in a shutdown hook, the services
 * would wait for a broker that is going away). Test classes take it with {@code @ExtendWith(RunningSystem.Shared.class)}.
 */
final class RunningSystem implements AutoCloseable {

    /** Starts the system before the first test class that needs it; JUnit closes it after the last. */
    static final class Shared implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            running = context.getRoot()
                    .getStore(ExtensionContext.Namespace.GLOBAL)
                    .computeIfAbsent(RunningSystem.class, key -> start(), RunningSystem.class);
        }
    }

    static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

    /** The public address Twilio is told to call back; the fake signs its webhooks for it. */
    static final String PUBLIC_BASE_URL = "https://clinic.example";

    static final String TWILIO_NUMBER = "+15005550006";

    private static RunningSystem running;

    final TwilioFake twilio;
    private final List<ServiceProcess> services = new ArrayList<>();
    private final Map<String, Integer> ports = new HashMap<>();
    private final PrintStream serviceLog;
    private MongoStore store;
    private KafkaBroker broker;

    /** The running system; only in classes extended with {@link Shared}. */
    static RunningSystem get() {
        if (running == null) {
            throw new IllegalStateException("Extend the test class with @ExtendWith(RunningSystem.Shared.class)");
        }
        return running;
    }

    private RunningSystem(TwilioFake twilio, PrintStream serviceLog) {
        this.twilio = twilio;
        this.serviceLog = serviceLog;
    }

    private static RunningSystem start() {
        try {
            Path logs = Files.createDirectories(Path.of("target/system-test"));
            var system = new RunningSystem(
                    TwilioFake.start(),
                    new PrintStream(Files.newOutputStream(logs.resolve(SERVICE_LOG.getFileName())), true));
            Path data = Files.createTempDirectory("seriescare-system");
            system.store = MongoStore.start(data, Ports.free());
            system.broker = KafkaBroker.start(data, Ports.freePair(), system.serviceLog);
            List<String> jvmOptions = new ArrayList<>(DevStack.SERVICE_JVM_OPTIONS);
            jvmOptions.add("-Dseriescare.dev.clock-control=true");
            List<URI> health = new ArrayList<>();
            for (DevStack.Service service : DevStack.SERVICES) {
                int port = Ports.free();
                Map<String, String> env = new HashMap<>(Map.of(
                        "PORT",
                        String.valueOf(port),
                        "KAFKA_BOOTSTRAP_SERVERS",
                        system.broker.bootstrapServers(),
                        "MONGODB_URI",
                        system.store.uri(),
                        "TWILIO_ACCOUNT_SID",
                        TwilioFake.ACCOUNT_SID,
                        "TWILIO_AUTH_TOKEN",
                        TwilioFake.AUTH_TOKEN,
                        "TWILIO_FROM_NUMBER",
                        TWILIO_NUMBER,
                        "TWILIO_API_BASE_URL",
                        system.twilio.baseUrl(),
                        "PUBLIC_BASE_URL",
                        PUBLIC_BASE_URL));
                // patients reach intake-service's forms wherever it listens
                env.put("FORMS_PUBLIC_BASE_URL", "http://localhost:" + port);
                env.put("SPRING_PROFILES_ACTIVE", DevStack.DEV_PROFILE);
                system.services.add(ServiceProcess.startJar(
                        service.name(), ROOT.resolve(service.jar()), jvmOptions, env, system.serviceLog));
                system.ports.put(service.name(), port);
                health.add(URI.create("http://localhost:" + port + "/actuator/health"));
            }
            for (int i = 0; i < system.services.size(); i++) {
                system.services.get(i).awaitHealthy(health.get(i), Duration.ofMinutes(3));
            }
            return system;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url(String service) {
        return "http://localhost:" + ports.get(service);
    }

    /** The service's API as the dev stack's front-desk user (scheduling-service's default configuration). */
    JsonHttp api(String service) {
        return JsonHttp.at(url(service)).as("frontdesk", "frontdesk");
    }

    /** What patients texted the clinic in this run (from, words), for the log scan. */
    final List<Map.Entry<String, String>> inbound = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Where every service's (and the broker's) output is written. */
    static final Path SERVICE_LOG = Path.of("target/system-test/services.log");

    /** A patient texts the clinic: Twilio's signed inbound webhook, as Twilio would call it. */
    int patientTexts(String fromPhone, String body) {
        inbound.add(Map.entry(fromPhone, body));
        return twilio.textFromPatient(
                PUBLIC_BASE_URL + "/twilio/inbound",
                url("notification") + "/twilio/inbound",
                fromPhone,
                TWILIO_NUMBER,
                body);
    }

    List<TwilioFake.SentMessage> textsTo(String phone) {
        return twilio.messages().stream().filter(m -> m.to().equals(phone)).toList();
    }

    /** Where the system's Kafka broker listens, to read its topics as an integration would. */
    String kafkaBootstrapServers() {
        return broker.bootstrapServers();
    }

    /** Moves every service's clock forward to {@code now} (the services only ever see time move forward). */
    void travelTo(java.time.Instant now) {
        twilio.travelTo(now);
        for (String service : ports.keySet()) {
            var answer = api(service).put("/api/dev/clock", "{\"now\":\"" + now + "\"}");
            if (answer.status() != 200) {
                throw new IllegalStateException(service + " did not move its clock: " + answer.body());
            }
        }
    }

    /** The services' "now" (they all agree, give or take the milliseconds between the calls). */
    java.time.Instant now() {
        return java.time.Instant.parse(
                api("scheduling").get("/api/dev/clock").json().path("now").asString());
    }

    @Override
    public void close() {
        services.forEach(ServiceProcess::close);
        if (broker != null) {
            broker.close();
        }
        if (store != null) {
            store.close();
        }
        twilio.close();
        serviceLog.close();
    }
}
