package com.seriescare.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.seriescare.contracts.EventCodec;
import com.seriescare.contracts.EventType;
import com.seriescare.contracts.Topics;
import com.seriescare.testsupport.JsonHttp;
import com.seriescare.testsupport.MutableClock;
import com.seriescare.testsupport.RecordedTopics;
import com.seriescare.testsupport.RecordedTopics.Recorded;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every session transition and every illegal one; each change publishes exactly one event with the session's state. */
@SchedulingServiceTest
class SessionLifecycleIntegrationTest {

    static RecordedTopics topics;
    static final EventCodec codec = new EventCodec();
    static final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MutableClock clock;

    JsonHttp api;
    String patientId;
    String seriesId;
    List<String> sessionIds;

    @BeforeAll
    static void record() {
        topics = RecordedTopics.of(Topics.SESSION_EVENTS);
    }

    @AfterAll
    static void stop() {
        topics.close();
    }

    @BeforeEach
    void bookThreeSessions() {
        mongo.remove(new Query(), "series");
        api = Api.frontDesk(port);
        patientId = Api.registerPatient(api);
        var booked = api.post("/api/series", """
                {"patientId":"%s","sessions":[{"start":"2026-12-01T09:00"},{"start":"2026-12-03T09:00"},{"start":"2026-12-08T09:00"}]}""".formatted(patientId));
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        seriesId = booked.json().path("id").asString();
        sessionIds = booked.json().path("sessions").findValuesAsString("id");
        awaitEvents(1 + 1 + 3); // registered, series booked, three scheduled
    }

    @AfterEach
    void resetClock() {
        clock.set(SchedulingServiceTest.NOW);
    }

    @Test
    void reschedulingMovesTheSessionRaisesItsRevisionAndSaysWhereItWas() {
        var moved = post(0, "reschedule", "{\"start\":\"2026-12-02T11:00\"}");

        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        JsonNode session = moved.json().path("sessions").get(0);
        assertThat(session.path("localStart").asString()).isEqualTo("2026-12-02T11:00:00");
        assertThat(session.path("revision").asInt()).isEqualTo(2);
        JsonNode event = lastEvent("clinic.session.rescheduled.v1");
        assertThat(event.path("previousStart").asString()).isEqualTo("2026-12-01T16:00:00Z");
        assertThat(event.path("start").asString()).isEqualTo("2026-12-02T18:00:00Z");
        assertThat(event.path("revision").asInt()).isEqualTo(2);
        assertThat(event.path("status").asString()).isEqualTo("booked");
    }

    @Test
    void reschedulingIntoAConflictIsRefusedWithASuggestion() {
        var refused = post(0, "reschedule", "{\"start\":\"2026-12-03T09:30\"}");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("conflicts").get(0).path("kind").asString())
                .isEqualTo("OVERLAPS_SAME_PATIENT");
        assertThat(refused.json()
                        .path("conflicts")
                        .get(0)
                        .path("suggestedStart")
                        .asString())
                .isEqualTo("2026-12-03T10:30:00");
    }

    @Test
    void aSessionIsCheckedInThenCompletedWithItsActualEnd() {
        clock.set(Instant.parse("2026-12-01T15:55:00Z"));
        var checkedIn = post(0, "check-in", "");
        clock.set(Instant.parse("2026-12-01T17:40:00Z"));
        var completed = post(0, "complete", "{\"endedAt\":\"2026-12-01T17:35:00Z\"}");

        assertThat(checkedIn.json().path("sessions").get(0).path("status").asString())
                .isEqualTo("arrived");
        assertThat(completed.json().path("sessions").get(0).path("status").asString())
                .isEqualTo("fulfilled");
        assertThat(lastEvent("clinic.session.checked-in.v1").path("checkedInAt").asString())
                .isEqualTo("2026-12-01T15:55:00Z");
        JsonNode event = lastEvent("clinic.session.completed.v1");
        assertThat(event.path("completedAt").asString()).isEqualTo("2026-12-01T17:35:00Z");
        assertThat(event.path("status").asString()).isEqualTo("fulfilled");
        assertThat(event.path("sequence").asInt()).isEqualTo(1);
        assertThat(event.path("sessionCount").asInt()).isEqualTo(3);
    }

    @Test
    void aSessionIsCancelledWithItsReasonAndTheRestOfTheSeriesTooButNotWhatTookPlace() {
        clock.set(Instant.parse("2026-12-01T15:55:00Z"));
        post(0, "check-in", "");
        post(0, "complete", "");
        var cancelled = post(1, "cancel", "{\"reason\":\"patient is unwell\"}");
        var rest = api.post("/api/series/" + seriesId + "/cancel", "{\"reason\":\"patient moved away\"}");

        assertThat(cancelled.json().path("sessions").get(1).path("cancelReason").asString())
                .isEqualTo("patient is unwell");
        assertThat(rest.json().path("sessions").findValuesAsString("status"))
                .containsExactly("fulfilled", "cancelled", "cancelled");
        List<Recorded> cancellations = await().atMost(Duration.ofSeconds(20))
                .until(() -> events("clinic.session.cancelled.v1"), list -> list.size() >= 2);
        assertThat(cancellations).hasSize(2);
        assertThat(cancellations)
                .extracting(r -> json.readTree(r.body()).path("reason").asString())
                .containsExactly("patient is unwell", "patient moved away");
        assertThat(json.readTree(cancellations.get(1).body()).path("status").asString())
                .isEqualTo("cancelled");
    }

    @Test
    void aNoShowAndAConfirmationAreRecorded() {
        var confirmed = post(1, "confirm", "");
        var missed = post(0, "no-show", "");

        assertThat(confirmed.json().path("sessions").get(1).path("confirmedAt").asString())
                .isEqualTo("2026-10-20T16:00:00Z");
        assertThat(missed.json().path("sessions").get(0).path("status").asString())
                .isEqualTo("noshow");
        assertThat(lastEvent("clinic.session.confirmed.v1").path("channel").asString())
                .isEqualTo("front-desk");
        assertThat(lastEvent("clinic.session.missed.v1").path("status").asString())
                .isEqualTo("noshow");
    }

    @Test
    void illegalTransitionsAreRefusedSayingWhyAndPublishNothing() {
        post(0, "cancel", "{\"reason\":\"double booked\"}");
        post(1, "check-in", "");
        awaitEvents(5 + 2);

        assertIllegal(post(0, "complete", ""), "is cancelled; it cannot be completed");
        assertIllegal(post(0, "check-in", ""), "is cancelled; it cannot be checked in");
        assertIllegal(post(0, "reschedule", "{\"start\":\"2026-12-02T11:00\"}"), "is cancelled; it cannot be moved");
        assertIllegal(post(1, "check-in", ""), "already checked in");
        assertIllegal(post(1, "no-show", ""), "is checked in; it cannot be marked as a no-show");
        assertIllegal(post(2, "complete", ""), "has not been checked in");

        // longer than the relay's settle time plus a poll: an event from a refused change would have shown by then
        await().during(Duration.ofMillis(1500))
                .atMost(Duration.ofSeconds(5))
                .until(() -> topics.forKey(patientId).size() == 7);
    }

    @Test
    void unknownSessionsAndBadBodiesAreProblems() {
        var unknown = api.post("/api/series/" + seriesId + "/sessions/nope/check-in", "");
        var noReason = post(0, "cancel", "{}");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().path("errors").findValuesAsString("field")).contains("reason");
    }

    @Test
    void everyEventIsPublishedOnceAndFollowsItsSchema() {
        post(0, "reschedule", "{\"start\":\"2026-12-02T11:00\"}");
        post(1, "confirm", "");
        post(2, "cancel", "{\"reason\":\"travel\"}");

        List<Recorded> all = awaitEvents(5 + 3);
        assertThat(all.stream().map(r -> r.header("ce_id")).distinct()).hasSize(all.size());
        for (Recorded event : all) {
            var type = EventType.ofCeType(event.ceType()).orElseThrow();
            assertThat(codec.violations(type, event.body().getBytes(StandardCharsets.UTF_8)))
                    .as(event.ceType())
                    .isEmpty();
            assertThat(event.key()).isEqualTo(patientId);
        }
    }

    private JsonHttp.Response post(int session, String action, String body) {
        return api.post(
                "/api/series/" + seriesId + "/sessions/" + sessionIds.get(session) + "/" + action,
                body.isEmpty() ? "" : body);
    }

    private void assertIllegal(JsonHttp.Response response, String why) {
        assertThat(response.status()).as(response.body()).isEqualTo(409);
        assertThat(response.json().path("detail").asString()).contains(why);
    }

    private List<Recorded> awaitEvents(int count) {
        return await().atMost(Duration.ofSeconds(20))
                .until(() -> topics.forKey(patientId), list -> list.size() >= count);
    }

    private List<Recorded> events(String ceType) {
        return topics.forKey(patientId).stream()
                .filter(r -> ceType.equals(r.ceType()))
                .toList();
    }

    private JsonNode lastEvent(String ceType) {
        List<Recorded> matching =
                await().atMost(Duration.ofSeconds(20)).until(() -> events(ceType), list -> !list.isEmpty());
        return json.readTree(matching.getLast().body());
    }
}
