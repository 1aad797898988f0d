package com.seriescare.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.seriescare.testsupport.JsonHttp;
import com.seriescare.testsupport.TwilioFake.SentMessage;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/** The first flow from booking to text, driven over HTTP like a front desk. */
@ExtendWith(RunningSystem.Shared.class)
@org.junit.jupiter.api.Order(2)
class BookingToTextSystemTest {

    static final ZoneId DENVER = ZoneId.of("America/Denver");
    static final String PHONE = "+13035550142";

    static RunningSystem system;
    static final Map<String, JsonHttp> api = new HashMap<>();

    @BeforeAll
    static void startTheSystem() {
        system = RunningSystem.get();
        for (DevStack.Service service : DevStack.SERVICES) {
            api.put(service.name(), system.api(service.name()));
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
        assertThat(confirmation.statusCallback()).startsWith(RunningSystem.PUBLIC_BASE_URL + "/twilio/status?message=");

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

        // an integration reading intake.events (EHR, billing, analytics) learns the form is waiting, never its link
        String token = link.substring(link.lastIndexOf('/') + 1);
        try (var integration = com.seriescare.testsupport.RecordedTopics.at(
                system.kafkaBootstrapServers(), com.seriescare.contracts.Topics.INTAKE_EVENTS)) {
            var intakeNews = await().atMost(Duration.ofSeconds(30))
                    .until(
                            () -> integration.forKey(patientId),
                            records -> records.stream().anyMatch(r -> r.ceType().equals("clinic.intake.requested.v1")));
            assertThat(intakeNews)
                    .allSatisfy(record -> assertThat(record.body())
                            .doesNotContain(token)
                            .doesNotContain("/f/")
                            .doesNotContain("\"link\""));
        }
    }

    /** A fixed-offset IANA zone (Etc/GMT±N) where it is between 12:00 and 13:00 now. */
    /**
     * The dev stack seeds two clinics: West Slope's front desk books, and the patient's texts and form name West Slope
     * and its phone and come from its own number (the settings travel from scheduling-service on clinic.settings).
     */
    /**
     * One booking is one trace: the front desk's request starts it (here with its own W3C {@code traceparent}, as a
     * gateway would), and every record the booking causes carries it on, whichever service published it and however
     * long it waited in an outbox or as a planned text: scheduling's booking, intake's form request and link, and
     * notification's texts, planned and sent (the Twilio call is made in that trace too).
     */
    @Test
    void oneBookingsTraceIdIsOnTheRecordsItCausedInAllThreeServicesTopics() {
        String traceId = java.util.HexFormat.of()
                .formatHex(java.nio.ByteBuffer.allocate(16)
                        .putLong(System.nanoTime())
                        .putLong(
                                java.util.concurrent.ThreadLocalRandom.current().nextLong())
                        .array());
        String traceparent = "00-" + traceId + "-00f067aa0ba902b7-01";
        String phone = "+13035550177";
        var desk = api.get("scheduling").with("traceparent", traceparent);
        String[] topicsToRead = {
            com.seriescare.contracts.Topics.SESSION_EVENTS,
            com.seriescare.contracts.Topics.INTAKE_EVENTS,
            com.seriescare.contracts.Topics.FORM_LINKS,
            com.seriescare.contracts.Topics.NOTIFICATION_EVENTS
        };
        try (var topics = com.seriescare.testsupport.RecordedTopics.at(system.kafkaBootstrapServers(), topicsToRead)) {
            var patient = desk.post("/api/patients", """
                    {"firstName":"Lou","lastName":"Park","mobilePhone":"%s","preferredLanguage":"en",
                     "timeZone":"%s","smsConsent":{"granted":true,"source":"front-desk"}}""".formatted(
                            phone, zoneWhereItIsAfternoonNow().getId()));
            String patientId = patient.json().path("id").asString();
            var series = desk.post("/api/series", """
                    {"patientId":"%s","sessions":[{"start":"%s"}]}""".formatted(
                            patientId, LocalDate.now(DENVER).plusWeeks(3).atTime(10, 0)));
            assertThat(series.status()).as(series.body()).isEqualTo(201);

            // the confirmation was sent, and its "sent" status is on notification.events
            var records = await().atMost(Duration.ofSeconds(60))
                    .until(
                            () -> topics.forKey(patientId),
                            found -> found.stream()
                                                    .map(com.seriescare.testsupport.RecordedTopics.Recorded::topic)
                                                    .distinct()
                                                    .count()
                                            == topicsToRead.length
                                    && found.stream()
                                            .anyMatch(r -> r.topic().equals("notification.events")
                                                    && r.body().contains("\"status\":\"sent\"")));
            java.util.Map<String, java.util.Set<String>> traceIdsByTopic = records.stream()
                    .collect(Collectors.groupingBy(
                            com.seriescare.testsupport.RecordedTopics.Recorded::topic,
                            Collectors.mapping(
                                    r -> r.header("traceparent") == null
                                            ? "no traceparent"
                                            : r.header("traceparent").split("-")[1],
                                    Collectors.toSet())));
            assertThat(traceIdsByTopic)
                    .as("the trace ids of each topic's records about this patient")
                    .containsOnlyKeys(topicsToRead)
                    .allSatisfy((topic, ids) -> assertThat(ids).as(topic).containsExactly(traceId));
        }
    }

    /**
     * Each service reports to Prometheus, for the operator only, what the dashboard and the alert rules read; after a
     * booking, the texts sent are counted by kind and clinic.
     */
    @Test
    void everyServiceReportsTheOperatorsMetricsToPrometheus() {
        String phone = "+13035550188";
        var patient = api.get("scheduling").post("/api/patients", """
                {"firstName":"Meg","lastName":"Rowe","mobilePhone":"%s","preferredLanguage":"en",
                 "timeZone":"%s","smsConsent":{"granted":true,"source":"front-desk"}}""".formatted(
                        phone, zoneWhereItIsAfternoonNow().getId()));
        String start = LocalDate.now(DENVER).plusWeeks(2).atTime(9, 0).toString();
        api.get("scheduling")
                .post("/api/series", """
                {"patientId":"%s","sessions":[{"start":"%s"}]}""".formatted(patient.json().path("id").asString(), start));
        await().atMost(Duration.ofSeconds(60)).until(() -> textsTo(phone), texts -> !texts.isEmpty());

        Map<String, List<String>> expected = Map.of(
                "scheduling",
                List.of(
                        "seriescare_care_alerts_open{",
                        "seriescare_care_alerts_urgent_unacknowledged ",
                        "seriescare_care_alerts_urgent_unacknowledged_oldest_age_seconds "),
                "intake",
                List.of("seriescare_forms_overdue{"),
                "notification",
                List.of(
                        "seriescare_texts_planned_total{",
                        "seriescare_texts_sent_total{",
                        "seriescare_dispatch_lag_seconds_bucket{",
                        "seriescare_texts_in_doubt ",
                        "seriescare_texts_due_oldest_age_seconds ",
                        "seriescare_crisis_page_latency_seconds_count "));
        for (DevStack.Service service : DevStack.SERVICES) {
            var scrape = JsonHttp.at(system.url(service.name()))
                    .as("operator", "operator")
                    .get("/actuator/prometheus");
            assertThat(scrape.status()).as(service.name()).isEqualTo(200);
            assertThat(scrape.body())
                    .as(service.name())
                    .contains("seriescare_outbox_backlog ", "seriescare_outbox_oldest_age_seconds ")
                    .contains("seriescare_dead_letters_total{")
                    // the binder's consumer lag, per group and topic
                    .contains("spring_cloud_stream_binder_kafka_offset")
                    .contains(expected.get(service.name()));
            assertThat(system.api(service.name()).get("/actuator/prometheus").status())
                    .as("the front desk does not read the operators' metrics")
                    .isEqualTo(403);
            // what each service publishes is timed (the binder's observation) and scraped: Boot's own KafkaTemplate
            // once registered the timer's name first with other tag keys, and Prometheus refused the producers' timers
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(
                            () -> assertThat(JsonHttp.at(system.url(service.name()))
                                            .as("operator", "operator")
                                            .get("/actuator/prometheus")
                                            .body())
                                    .as(service.name())
                                    .containsPattern(
                                            "spring_kafka_template_seconds_count\\{error=\"none\",[^}]*messaging_destination_name=\"[a-z.-]+\""));
        }
        String notification = JsonHttp.at(system.url("notification"))
                .as("operator", "operator")
                .get("/actuator/prometheus")
                .body();
        double sent = notification
                .lines()
                .filter(line -> line.startsWith("seriescare_texts_sent_total{")
                        && line.contains("clinic=\"front-range\"")
                        && line.contains("kind=\"booking_confirmation\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
        assertThat(sent).as(notification).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aWestSlopePatientHearsFromWestSlopeAtItsOwnNumber() {
        String phone = "+19705550142";
        JsonHttp westDesk = JsonHttp.at(system.url("scheduling")).as("frontdesk2", "frontdesk2");
        var patient = westDesk.post("/api/patients", """
                {"firstName":"Rosa","lastName":"Vega","mobilePhone":"%s","preferredLanguage":"en",
                 "timeZone":"%s","smsConsent":{"granted":true,"source":"front-desk"}}""".formatted(
                        phone, zoneWhereItIsAfternoonNow().getId()));
        assertThat(patient.status()).as(patient.body()).isEqualTo(201);
        LocalDate tuesday = LocalDate.now(DENVER).plusWeeks(2).with(TemporalAdjusters.next(DayOfWeek.TUESDAY));
        var series = westDesk.post(
                "/api/series", """
                {"patientId":"%s","sessions":[{"start":"%s"}]}""".formatted(patient.json().path("id").asString(), tuesday.atTime(10, 0)));
        assertThat(series.status()).as(series.body()).isEqualTo(201);

        SentMessage confirmation = await().atMost(Duration.ofSeconds(60))
                .until(() -> textsTo(phone), texts -> !texts.isEmpty())
                .getFirst();
        assertThat(confirmation.body())
                .contains("West Slope Clinic", "(970) 555-0100")
                .doesNotContain("Front Range");
        assertThat(confirmation.from()).isEqualTo("+19705550199");

        var intakeText = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> textsTo(phone).stream()
                                .filter(m -> m.body().contains("please fill in this form"))
                                .toList(),
                        texts -> !texts.isEmpty());
        assertThat(intakeText.getFirst().from()).isEqualTo("+19705550199");
        String link = java.util.Arrays.stream(intakeText.getFirst().body().split(" "))
                .filter(word -> word.startsWith("http"))
                .findFirst()
                .orElseThrow();
        assertThat(JsonHttp.at(link).get("").body()).contains("West Slope Clinic", "(970) 555-0100");
    }

    /**
     * A clinic admin rewords the Spanish booking confirmation in scheduling-service; the next Spanish-speaking patient
     * booked gets those words from notification-service (the template travels on clinic.settings between the jars).
     */
    @Test
    void aTemplateEditedByTheClinicAdminIsUsedByTheNextText() {
        JsonHttp admin = JsonHttp.at(system.url("scheduling")).as("admin", "admin");
        String words =
                "Hola {firstName}, le esperamos en {clinic}: {sessions}. Dudas: {clinicPhone}. STOP para no recibir mensajes.";
        var refused = admin.put(
                "/api/clinics/front-range/texts/booking_confirmation/es",
                "{\"template\":\"Hola {firstName}, su ketamina: {sessions}. STOP\"}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.json().path("detail").asString()).contains("\"ketamina\"");
        var saved =
                admin.put("/api/clinics/front-range/texts/booking_confirmation/es", "{\"template\":\"" + words + "\"}");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        try {
            String phone = "+13035550177";
            var patient = api.get("scheduling").post("/api/patients", """
                    {"firstName":"Lucía","lastName":"Ortiz","mobilePhone":"%s","preferredLanguage":"es",
                     "timeZone":"%s","smsConsent":{"granted":true,"source":"front-desk"}}""".formatted(
                            phone, zoneWhereItIsAfternoonNow().getId()));
            assertThat(patient.status()).as(patient.body()).isEqualTo(201);
            LocalDate tuesday = LocalDate.now(DENVER).plusWeeks(3).with(TemporalAdjusters.next(DayOfWeek.TUESDAY));
            var series = api.get("scheduling")
                    .post("/api/series", """
                    {"patientId":"%s","sessions":[{"start":"%s"}]}""".formatted(patient.json().path("id").asString(), tuesday.atTime(10, 0)));
            assertThat(series.status()).as(series.body()).isEqualTo(201);

            SentMessage confirmation = await().atMost(Duration.ofSeconds(60))
                    .until(() -> textsTo(phone), texts -> !texts.isEmpty())
                    .getFirst();
            System.out.println("Confirmation in the admin's words: " + confirmation.body());
            assertThat(confirmation.body())
                    .startsWith("Hola Lucía, le esperamos en Front Range Clinic: ")
                    .endsWith("Dudas: (303) 555-0100. STOP para no recibir mensajes.");
        } finally {
            assertThat(admin.delete("/api/clinics/front-range/texts/booking_confirmation/es")
                            .status())
                    .isEqualTo(200);
        }
    }

    private static ZoneId zoneWhereItIsAfternoonNow() {
        int utcHour = java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).getHour();
        int offset = Math.floorMod(12 - utcHour + 12, 24) - 12; // -12..11
        // IANA's Etc zones count the other way: Etc/GMT+7 is UTC-07:00
        return ZoneId.of(offset == 0 ? "Etc/UTC" : "Etc/GMT" + (offset < 0 ? "+" + (-offset) : "-" + offset));
    }

    /** The patient's texts whose kind starts with {@code kind} ("prep_tips" also finds "prep_tips_and_confirm"). */
    private static List<JsonNode> timeline(String patientId, String kind) {
        JsonNode entries = api.get("notification")
                .get("/api/patients/" + patientId + "/messages")
                .json();
        return StreamSupport.stream(entries.spliterator(), false)
                .filter(entry -> entry.path("kind").asString().startsWith(kind))
                .toList();
    }

    private static List<SentMessage> textsTo(String phone) {
        return system.textsTo(phone);
    }
}
