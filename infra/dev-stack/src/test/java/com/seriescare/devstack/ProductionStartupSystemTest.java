package com.seriescare.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.seriescare.testsupport.JsonHttp;
import com.seriescare.testsupport.LocalOidcIssuer;
import com.seriescare.testsupport.TwilioFake;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The service jars as a clinic group's IT team would start them: without the dev profile. Default passwords, the local
 * SMS sink and the dev endpoints must not exist there, and a missing secret must stop a service rather than open it.
 * Against a broker and store of its own, so that no instance started here joins the shared system's consumer groups.
 */
@Order(2)
class ProductionStartupSystemTest {

    /** A bcrypt hash of "correct horse battery", as an operator would configure it. */
    static final String HASHED = "{bcrypt}$2a$10$zMqUfJKoWxhB15M.OXxZj.Eo1Nihu08szlJ/A5z4Ko/Xwa.dWA.Z.";

    static Path data;
    static MongoStore store;
    static KafkaBroker broker;
    static TwilioFake twilio;
    static PrintStream log;

    @BeforeAll
    static void start() throws IOException {
        data = Files.createTempDirectory("seriescare-production");
        Path logs = Files.createDirectories(Path.of("target/system-test"));
        log = new PrintStream(Files.newOutputStream(logs.resolve("production-startup.log")), true);
        store = MongoStore.start(data, Ports.free());
        broker = KafkaBroker.start(data, Ports.freePair(), log);
        twilio = TwilioFake.start();
    }

    @AfterAll
    static void stop() {
        broker.close();
        store.close();
        twilio.close();
        log.close();
    }

    @Test
    void aServiceNobodyCouldSignInToRefusesToStart() {
        startExpectingRefusal("scheduling", Map.of(), "Nobody could sign in");
    }

    @Test
    void aPlainTextPasswordOutsideTheDevProfileStopsTheService() {
        startExpectingRefusal(
                "scheduling", user("frontdesk", "{noop}frontdesk", "FRONT_DESK"), "plain-text {noop} password");
    }

    @Test
    void notificationServiceRefusesToStartWithoutTwilio() {
        startExpectingRefusal("notification", user("ops", HASHED, "OPERATOR"), "notification-service needs Twilio");
    }

    @Test
    void withTwilioConfiguredThereIsNoLocalSinkAndNoDevDoor() throws Exception {
        Map<String, String> env = twilioAnd(user("desk", HASHED, "FRONT_DESK"));
        try (var running = startHealthy("notification", env)) {
            var desk = JsonHttp.at(running.url()).as("desk", "correct horse battery");

            assertThat(desk.get("/api/dev/sms").status()).isEqualTo(404);
            assertThat(JsonHttp.at(running.url())
                            .post("/api/dev/sms/inbound", "{\"from\":\"+13035550142\",\"body\":\"STOP\"}")
                            .status())
                    .as("the reply simulator is no public door")
                    .isEqualTo(401);
            assertThat(JsonHttp.at(running.url())
                            .as("frontdesk", "frontdesk")
                            .get("/api/patients/x/messages")
                            .status())
                    .isEqualTo(401);
        }
    }

    @Test
    void withAnOidcIssuerTheDefaultUsersCannotSignInToTheWebAppWhichSignsInThereWithPkce() throws Exception {
        try (var issuer = LocalOidcIssuer.start("seriescare-frontdesk")) {
            var env = new HashMap<String, String>(user("frontdesk", HASHED, "FRONT_DESK"));
            env.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI", issuer.uri());
            try (var running = startHealthy("scheduling", env)) {
                var browser = HttpClient.newBuilder()
                        .cookieHandler(new CookieManager())
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build();
                String page = get(browser, running.url() + "/login").body();
                var signIn = browser.send(
                        HttpRequest.newBuilder(URI.create(running.url() + "/login"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "username=frontdesk&password=correct+horse+battery"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                var today = get(browser, running.url() + "/today");
                var toIssuer = get(browser, running.url() + "/oauth2/authorization/clinic");

                assertThat(page).doesNotContain("type=\"password\"").contains("/oauth2/authorization/clinic");
                // no password form to post to: the attempt is turned away and leaves no session
                assertThat(signIn.headers().firstValue("Location").orElse("")).doesNotContain("/today");
                assertThat(today.statusCode()).isEqualTo(302);
                assertThat(today.headers().firstValue("Location"))
                        .hasValueSatisfying(to -> assertThat(to).endsWith("/login"));
                assertThat(toIssuer.headers().firstValue("Location"))
                        .hasValueSatisfying(to -> assertThat(to)
                                .startsWith(issuer.uri() + "/authorize")
                                .contains("code_challenge_method=S256", "client_id=seriescare-frontdesk"));
                assertThat(JsonHttp.at(running.url())
                                .as("frontdesk", "correct horse battery")
                                .get("/api/patients")
                                .status())
                        .isEqualTo(401);
            }
        }
    }

    /**
     * The image build, done as the Dockerfile says (no container engine here): each service's layered jar extracted,
     * its layers copied in the image's order, started by the image's entry point with its environment, not as root,
     * on a JRE 21 or newer, and ready (store and broker reachable).
     */
    @Test
    void eachServiceStartsFromItsImageLayout() throws Exception {
        ImageBuild image = ImageBuild.read();
        assertThat(image.runtimeImage()).matches("eclipse-temurin:(2[1-9]|[3-9]\\d)-jre.*");
        assertThat(image.user()).isNotIn("root", "0", "0:0");
        assertThat(image.environment().get("JAVA_TOOL_OPTIONS")).contains("MaxRAMPercentage");
        assertThat(image.layers())
                .containsExactly(
                        "extracted/dependencies",
                        "extracted/spring-boot-loader",
                        "extracted/snapshot-dependencies",
                        "extracted/application");

        Map<String, Map<String, String>> settings = Map.of(
                "scheduling", user("desk", HASHED, "FRONT_DESK"),
                "intake", user("desk", HASHED, "FRONT_DESK"),
                "notification", twilioAnd(user("desk", HASHED, "FRONT_DESK")));
        List<Running> running = new ArrayList<>();
        Map<String, ByteArrayOutputStream> output = new HashMap<>();
        try {
            for (DevStack.Service service : DevStack.SERVICES) {
                Path app = image.layOut(
                        RunningSystem.ROOT.resolve(service.jar()),
                        Files.createDirectories(data.resolve("image-" + service.name())));
                assertThat(app.resolve("BOOT-INF/lib")).isDirectory();
                int port = Ports.free();
                Map<String, String> env = new HashMap<>(image.environment());
                env.putAll(productionEnvironment(port));
                env.putAll(settings.get(service.name()));
                var out = new ByteArrayOutputStream();
                output.put(service.name(), out);
                var process = ServiceProcess.startIn(
                        service.name() + "-image",
                        image.command(),
                        app,
                        env,
                        new PrintStream(out, true, StandardCharsets.UTF_8));
                running.add(new Running(process, "http://localhost:" + port));
            }
            for (Running service : running) {
                service.process()
                        .awaitHealthy(URI.create(service.url() + "/actuator/health/readiness"), Duration.ofMinutes(3));
            }
        } finally {
            running.forEach(Running::close);
            output.values().forEach(out -> log.print(out.toString(StandardCharsets.UTF_8)));
        }
        // production logs: one JSON object per line (ECS), nothing else but the JVM's note of its options
        var json = new tools.jackson.databind.ObjectMapper();
        for (var service : output.entrySet()) {
            List<String> lines = service.getValue()
                    .toString(StandardCharsets.UTF_8)
                    .lines()
                    .map(line -> line.replaceFirst("^\\[[a-z-]+\\] ", ""))
                    .filter(line -> !line.isBlank() && !line.startsWith("Picked up JAVA_TOOL_OPTIONS"))
                    .toList();
            assertThat(lines).as(service.getKey()).hasSizeGreaterThan(5);
            for (String line : lines) {
                var entry = json.readTree(line);
                assertThat(entry.path("ecs").path("version").isMissingNode()
                                && entry.path("ecs.version").isMissingNode())
                        .as("%s logged a line that is not ECS JSON: %s", service.getKey(), line)
                        .isFalse();
                assertThat(entry.path("@timestamp").isMissingNode()).as(line).isFalse();
            }
        }
    }

    private static Map<String, String> twilioAnd(Map<String, String> env) {
        Map<String, String> withTwilio = new HashMap<>(env);
        withTwilio.putAll(Map.of(
                "TWILIO_ACCOUNT_SID",
                TwilioFake.ACCOUNT_SID,
                "TWILIO_AUTH_TOKEN",
                TwilioFake.AUTH_TOKEN,
                "TWILIO_FROM_NUMBER",
                "+15005550006",
                "TWILIO_API_BASE_URL",
                twilio.baseUrl()));
        return withTwilio;
    }

    private static HttpResponse<String> get(HttpClient browser, String url) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    // --- starting a jar as production would ---

    record Running(ServiceProcess process, String url) implements AutoCloseable {
        @Override
        public void close() {
            process.close();
        }
    }

    private static Running startHealthy(String service, Map<String, String> extra) {
        int port = Ports.free();
        var process = launch(service, port, extra, log);
        process.awaitHealthy(URI.create("http://localhost:" + port + "/actuator/health"), Duration.ofMinutes(3));
        return new Running(process, "http://localhost:" + port);
    }

    /** Starts the jar and expects it to give up, saying why. */
    private static void startExpectingRefusal(String service, Map<String, String> extra, String why) {
        var output = new ByteArrayOutputStream();
        var process = launch(service, Ports.free(), extra, new PrintStream(output, true, StandardCharsets.UTF_8));
        int exit = process.waitForExit(Duration.ofMinutes(2));
        // the last lines may still be on their way from the process's output
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> output.toString(StandardCharsets.UTF_8).contains(why));
        log.print(output.toString(StandardCharsets.UTF_8));
        assertThat(exit).as("%s started without what it needs", service).isNotZero();
    }

    private static ServiceProcess launch(String service, int port, Map<String, String> extra, PrintStream out) {
        DevStack.Service packaged = DevStack.SERVICES.stream()
                .filter(s -> s.name().equals(service))
                .findFirst()
                .orElseThrow();
        Map<String, String> env = productionEnvironment(port);
        env.putAll(extra);
        List<String> jvm = new ArrayList<>(DevStack.SERVICE_JVM_OPTIONS);
        return ServiceProcess.startJar(
                service + "-production", RunningSystem.ROOT.resolve(packaged.jar()), jvm, env, out);
    }

    private static Map<String, String> productionEnvironment(int port) {
        return new HashMap<>(Map.of(
                "PORT", String.valueOf(port),
                "KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                "MONGODB_URI", store.uri(),
                // no profile at all: whatever the machine's environment says must not turn dev on
                "SPRING_PROFILES_ACTIVE", ""));
    }

    private static Map<String, String> user(String name, String password, String role) {
        return Map.of(
                "SERIESCARE_SECURITY_USERS_0_USERNAME", name,
                "SERIESCARE_SECURITY_USERS_0_PASSWORD", password,
                "SERIESCARE_SECURITY_USERS_0_ROLES_0", role,
                "SERIESCARE_SECURITY_USERS_0_CLINIC", "front-range");
    }
}
