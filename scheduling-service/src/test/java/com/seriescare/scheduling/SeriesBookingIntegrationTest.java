package com.seriescare.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.seriescare.contracts.EventCodec;
import com.seriescare.contracts.EventType;
import com.seriescare.contracts.Topics;
import com.seriescare.testsupport.JsonHttp;
import com.seriescare.testsupport.RecordedTopics;
import com.seriescare.testsupport.RecordedTopics.Recorded;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@SchedulingServiceTest
class SeriesBookingIntegrationTest {

    static RecordedTopics topics;
    static final EventCodec codec = new EventCodec();

    @LocalServerPort
    int port;

    JsonHttp api;

    @BeforeAll
    static void record() {
        topics = RecordedTopics.of(Topics.SESSION_EVENTS);
    }

    @AfterAll
    static void stop() {
        topics.close();
    }

    @BeforeEach
    void client() {
        api = Api.frontDesk(port);
    }

    @Test
    void booksASeriesAndPublishesItsEventsKeyedByPatientAsCloudEvents() {
        String patientId = registerPatient();

        var booked = api.post("/api/series", """
                {"patientId":"%s","sessions":[{"start":"2026-12-03T09:00"},{"start":"2026-12-01T09:00"}]}""".formatted(patientId));

        assertThat(booked.status()).isEqualTo(201);
        String seriesId = booked.json().path("id").asString();
        JsonNode sessions = booked.json().path("sessions");
        assertThat(sessions).hasSize(2);
        assertThat(sessions.get(0).path("sequence").asInt()).isEqualTo(1);
        assertThat(sessions.get(0).path("localStart").asString()).isEqualTo("2026-12-01T09:00:00");
        assertThat(sessions.get(0).path("start").asString()).isEqualTo("2026-12-01T16:00:00Z");
        assertThat(sessions.get(1).path("start").asString()).isEqualTo("2026-12-03T16:00:00Z");

        List<Recorded> events =
                await().atMost(Duration.ofSeconds(20)).until(() -> topics.forKey(patientId), list -> list.size() == 4);
        assertThat(events)
                .extracting(Recorded::ceType)
                .containsExactly(
                        "clinic.patient.registered.v1",
                        "clinic.series.booked.v1",
                        "clinic.session.scheduled.v1",
                        "clinic.session.scheduled.v1");
        Recorded seriesBooked = events.get(1);
        assertThat(seriesBooked.header("ce_specversion")).isEqualTo("1.0");
        assertThat(seriesBooked.header("ce_source")).isEqualTo("/seriescare/scheduling-service");
        assertThat(seriesBooked.header("ce_subject")).isEqualTo(seriesId);
        assertThat(seriesBooked.header("ce_id")).isNotBlank();
        assertThat(seriesBooked.header("ce_time")).isEqualTo("2026-10-20T16:00:00Z");
        // the body is handed to the producer as encoded (no conversion): its type still travels with it
        assertThat(seriesBooked.header("contentType")).isEqualTo("application/json");
        for (Recorded event : events) {
            var type = EventType.ofCeType(event.ceType()).orElseThrow();
            assertThat(codec.violations(type, event.body().getBytes(StandardCharsets.UTF_8)))
                    .as(event.ceType())
                    .isEmpty();
        }
        assertThat(events.get(2).body())
                .contains("\"sequence\":1", "\"sessionCount\":2", "\"revision\":1", "\"status\":\"booked\"");
        assertThat(events.stream().map(e -> e.header("ce_id")).distinct()).hasSize(4);

        assertThat(api.get("/api/series/" + seriesId).json().path("sessions")).hasSize(2);
    }

    @Test
    void keepsNineOClockLocalOnBothSidesOfTheNovemberClockChange() {
        String patientId = registerPatient();

        var booked = api.post("/api/series", """
                {"patientId":"%s","sessions":[{"start":"2026-10-29T09:00"},{"start":"2026-11-02T09:00"}]}""".formatted(patientId));

        assertThat(booked.status()).isEqualTo(201);
        JsonNode sessions = booked.json().path("sessions");
        assertThat(sessions.get(0).path("start").asString()).isEqualTo("2026-10-29T15:00:00Z"); // MDT, UTC-6
        assertThat(sessions.get(1).path("start").asString()).isEqualTo("2026-11-02T16:00:00Z"); // MST, UTC-7
        assertThat(sessions.findValuesAsString("localStart"))
                .containsExactly("2026-10-29T09:00:00", "2026-11-02T09:00:00");
    }

    @Test
    void refusesSessionsInThePastAndTimesTheClocksSkipAndBooksNothing() {
        String patientId = registerPatient();

        var refused = api.post("/api/series", """
                {"patientId":"%s","sessions":[{"start":"2026-10-19T09:00"},{"start":"2027-03-14T02:30"},{"start":"2027-03-15T09:00"}]}""".formatted(patientId));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("conflicts").findValuesAsString("kind"))
                .containsExactly("IN_THE_PAST", "NOT_A_LOCAL_TIME");
        assertThat(refused.json().path("detail").asString()).contains("nothing was booked");
    }

    @Test
    void refusesOverlappingSessionsOfTheSameSeries() {
        String patientId = registerPatient();

        var refused = api.post("/api/series", """
                {"patientId":"%s","sessions":[{"start":"2026-12-01T09:00"},{"start":"2026-12-01T10:00"}]}""".formatted(patientId));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("conflicts").get(0).path("kind").asString())
                .isEqualTo("OVERLAPS_SAME_PATIENT");
    }

    @Test
    void refusesBadInputWithProblemDetails() {
        var unknownPatient =
                api.post("/api/series", "{\"patientId\":\"nobody\",\"sessions\":[{\"start\":\"2026-12-01T09:00\"}]}");
        var noSessions = api.post("/api/series", "{\"patientId\":\"" + registerPatient() + "\",\"sessions\":[]}");
        var badTime = api.post("/api/series", "{\"patientId\":\"x\",\"sessions\":[{\"start\":\"tomorrow at nine\"}]}");
        var malformed = api.post("/api/series", "{\"patientId\":");
        var operator = api.post(
                "/api/series", "{\"patientId\":{\"$gt\":\"\"},\"sessions\":[{\"start\":\"2026-12-01T09:00\"}]}");

        assertThat(unknownPatient.status()).isEqualTo(400);
        assertThat(unknownPatient.json().path("detail").asString()).contains("no patient 'nobody'");
        assertThat(noSessions.status()).isEqualTo(400);
        assertThat(noSessions.json().path("errors").findValuesAsString("field")).contains("sessions");
        assertThat(badTime.status()).isEqualTo(400);
        assertThat(badTime.json().path("detail").asString()).contains("sessions[0].start");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(operator.status()).isEqualTo(400);
        assertThat(operator.json().path("detail").asString()).contains("patientId");
    }

    private String registerPatient() {
        return api.post("/api/patients", PatientApiIntegrationTest.ANA)
                .json()
                .path("id")
                .asString();
    }
}
