package com.seriescare.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.seriescare.testsupport.JsonHttp;
import com.seriescare.testsupport.SharedInfrastructure;
import com.seriescare.testsupport.TwilioFake;
import com.seriescare.testsupport.TwilioFake.SentMessage;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The three services as built ({@code java -jar}), against one broker and one store, sending texts through the
 * real Twilio SDK to the Twilio fake: the first flow from booking to text, driven over HTTP like a front desk.
 */
class BookingToTextSystemTest {

    static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    static final ZoneId DENVER = ZoneId.of("America/Denver");
    static final String PHONE = "+13035550142";

    static TwilioFake twilio;
    static final List<ServiceProcess> services = new ArrayList<>();
    static final Map<String, JsonHttp> api = new HashMap<>();
    static final List<URI> health = new ArrayList<>();
    static PrintStream serviceLog;

    @BeforeAll
    static void startTheSystem() throws IOException {
        var infrastructure = SharedInfrastructure.endpoints();
        twilio = TwilioFake.start();
        Path logs = Files.createDirectories(Path.of("target/system-test"));
        serviceLog = new PrintStream(Files.newOutputStream(logs.resolve("services.log")), true);
        for (DevStack.Service service : DevStack.SERVICES) {
            int port = freePort();
            Map<String, String> env = new HashMap<>(Map.of(
                    "PORT",
                    String.valueOf(port),
                    "KAFKA_BOOTSTRAP_SERVERS",
                    infrastructure.kafkaBootstrapServers(),
                    "MONGODB_URI",
                    infrastructure.mongoUri(),
                    "TWILIO_ACCOUNT_SID",
                    TwilioFake.ACCOUNT_SID,
                    "TWILIO_AUTH_TOKEN",
                    TwilioFake.AUTH_TOKEN,
                    "TWILIO_FROM_NUMBER",
                    "+15005550006",
                    "TWILIO_API_BASE_URL",
                    twilio.baseUrl(),
                    "PUBLIC_BASE_URL",
                    "https://clinic.example"));
            // patients reach intake-service's forms wherever it listens
            env.put("FORMS_PUBLIC_BASE_URL", "http://localhost:" + port);
            services.add(ServiceProcess.startJar(
                    service.name(), ROOT.resolve(service.jar()), DevStack.SERVICE_JVM_OPTIONS, env, serviceLog));
            // the dev-stack front-desk user (scheduling-service's default configuration)
            api.put(service.name(), JsonHttp.at("http://localhost:" + port).as("frontdesk", "frontdesk"));
            health.add(URI.create("http://localhost:" + port + "/actuator/health"));
        }
        for (int i = 0; i < services.size(); i++) {
            services.get(i).awaitHealthy(health.get(i), Duration.ofMinutes(3));
        }
    }

    @AfterAll
    static void stopTheSystem() {
        services.forEach(ServiceProcess::close);
        if (twilio != null) {
            twilio.close();
        }
        if (serviceLog != null) {
            serviceLog.close();
        }
    }

    @Test
    void aBookedSeriesIsConfirmedOnceByTextAndItsPrepTipsArePlannedForTheEveningBeforeEachSession() {
        // sessions on the Tuesdays and Thursdays of the next weeks, at 09:00 clinic time, so the test never ages
        LocalDate firstTuesday = LocalDate.now(DENVER).plusWeeks(1).with(TemporalAdjusters.next(DayOfWeek.TUESDAY));
        List<LocalDateTime> starts = List.of(
                firstTuesday.atTime(9, 0),
                firstTuesday.plusDays(2).atTime(9, 0),
                firstTuesday.plusDays(7).atTime(9, 0));

        // the services run on the wall clock: a patient for whom it is daytime now, so quiet hours do not apply
        ZoneId patientZone = zoneWhereItIsAfternoonNow();
        var patient = api.get("scheduling").post("/api/patients", """
                {"firstName":"Ana","lastName":"Diaz","mobilePhone":"%s","preferredLanguage":"en",
                 "timeZone":"%s","smsConsent":{"granted":true,"source":"front-desk"}}""".formatted(PHONE, patientZone.getId()));
        assertThat(patient.status()).as(patient.body()).isEqualTo(201);
        String patientId = patient.json().path("id").asString();

        var series = api.get("scheduling").post("/api/series", """
                {"patientId":"%s","sessions":[%s]}""".formatted(
                patientId, starts.stream().map(s -> "{\"start\":\"" + s + "\"}").collect(Collectors.joining(","))));
        assertThat(series.status()).as(series.body()).isEqualTo(201);
        String seriesId = series.json().path("id").asString();

        // the confirmation reaches Twilio through the real SDK
        SentMessage confirmation = await().atMost(Duration.ofSeconds(60))
                .until(() -> textsTo(PHONE), texts -> !texts.isEmpty())
                .getFirst();
        String dates = starts.stream()
                .map(start -> DateTimeFormatter.ofPattern("EEE MMM d h:mm a z", Locale.US)
                        .format(start.atZone(DENVER).withZoneSameInstant(patientZone)))
                .collect(Collectors.joining(", "));
        assertThat(confirmation.body())
                .isEqualTo("Hi Ana, your appointments at Front Range Clinic are booked: " + dates
                        + ". Questions? (303) 555-0100. Reply STOP to opt out.");
        assertThat(confirmation.statusCallback()).startsWith("https://clinic.example/twilio/status?message=");

        // one prep text per session, due at 18:00 the evening before, in the patient's zone
        List<JsonNode> prepTips = await().atMost(Duration.ofSeconds(60))
                .until(() -> timeline(patientId, "prep_tips"), list -> list.size() == starts.size());
        assertThat(prepTips)
                .extracting(entry -> entry.path("localDueAt").asString())
                .containsExactlyInAnyOrderElementsOf(starts.stream()
                        .map(start -> start.atZone(DENVER)
                                        .withZoneSameInstant(patientZone)
                                        .toLocalDate()
                                        .minusDays(1)
                                        .atTime(LocalTime.of(18, 0))
                                + ":00")
                        .toList());
        assertThat(prepTips)
                .allSatisfy(entry -> assertThat(entry.path("status").asString()).isEqualTo("planned"));

        // the intake request for the series
        var intake = await().atMost(Duration.ofSeconds(60))
                .until(() -> api.get("intake").get("/api/series/" + seriesId + "/intake"), r -> r.status() == 200);
        assertThat(intake.json().path("status").asString()).isEqualTo("requested");

        // none duplicated: the confirmation is in the timeline as sent, and Twilio got exactly one text
        assertThat(timeline(patientId, "booking_confirmation"))
                .singleElement()
                .satisfies(entry -> assertThat(entry.path("status").asString()).isEqualTo("sent"));
        assertThat(textsTo(PHONE))
                .filteredOn(m -> m.body().contains("are booked"))
                .hasSize(1);

        // the intake link, texted once, opens the patient's form on intake-service
        var intakeText = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> textsTo(PHONE).stream()
                                .filter(m -> m.body().contains("please fill in this form"))
                                .toList(),
                        texts -> !texts.isEmpty());
        assertThat(intakeText).hasSize(1);
        String link = java.util.Arrays.stream(intakeText.getFirst().body().split(" "))
                .filter(word -> word.startsWith("http"))
                .findFirst()
                .orElseThrow();
        var form = JsonHttp.at(link).get("");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("Before your first appointment");
    }

    /** A fixed-offset IANA zone (Etc/GMT±N) where it is between 12:00 and 13:00 now. */
    private static ZoneId zoneWhereItIsAfternoonNow() {
        int utcHour = java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).getHour();
        int offset = Math.floorMod(12 - utcHour + 12, 24) - 12; // -12..11
        // IANA's Etc zones count the other way: Etc/GMT+7 is UTC-07:00
        return ZoneId.of(offset == 0 ? "Etc/UTC" : "Etc/GMT" + (offset < 0 ? "+" + (-offset) : "-" + offset));
    }

    private static List<JsonNode> timeline(String patientId, String kind) {
        JsonNode entries = api.get("notification")
                .get("/api/patients/" + patientId + "/messages")
                .json();
        return StreamSupport.stream(entries.spliterator(), false)
                .filter(entry -> entry.path("kind").asString().equals(kind))
                .toList();
    }

    private static List<SentMessage> textsTo(String phone) {
        return twilio.messages().stream().filter(m -> m.to().equals(phone)).toList();
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
