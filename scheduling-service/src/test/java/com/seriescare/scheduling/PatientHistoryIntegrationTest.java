package com.seriescare.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.seriescare.contracts.Topics;
import com.seriescare.contracts.intake.FormAnswersViewed;
import com.seriescare.contracts.intake.IntakeCompleted;
import com.seriescare.contracts.intake.IntakeReviewed;
import com.seriescare.contracts.notification.InboundMessageReceived;
import com.seriescare.testsupport.EventPublisherForTests;
import com.seriescare.testsupport.JsonHttp;
import com.seriescare.testsupport.RecordedTopics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Who did what to a patient's record: each change names its actor in its event ({@code ce_actor}) and in the
 * service's append-only audit trail, which the front desk reads as the patient's history.
 */
@SchedulingServiceTest
class PatientHistoryIntegrationTest {

    static RecordedTopics topics;

    @LocalServerPort
    int port;

    @BeforeAll
    static void record() {
        topics = RecordedTopics.of(Topics.SESSION_EVENTS);
    }

    @AfterAll
    static void stop() {
        topics.close();
    }

    @Test
    void bookingsMovesConsentAndAPatientsStopAreInTheHistoryWithWhoDidThem() {
        JsonHttp api = Api.frontDesk(port);
        String patientId = Api.registerPatient(api);
        var series = api.post("/api/series", """
                {"patientId":"%s","sessions":[{"start":"2026-12-14T09:00"},{"start":"2026-12-16T09:00"}]}""".formatted(patientId));
        String seriesId = series.json().path("id").asString();
        String sessionId = series.json().path("sessions").get(0).path("id").asString();
        assertThat(api.post(
                                "/api/series/%s/sessions/%s/reschedule".formatted(seriesId, sessionId),
                                "{\"start\":\"2026-12-15T10:00\"}")
                        .status())
                .isEqualTo(200);
        try (var events = new EventPublisherForTests()) {
            events.publish(new InboundMessageReceived(
                    patientId, "stop-" + patientId, "stop", false, "0142", Instant.parse("2026-12-01T02:00:00Z")));
        }

        List<JsonNode> history = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> lines(api, patientId),
                        lines -> lines.stream()
                                .anyMatch(line -> line.path("what").asString().equals("Consent to texts changed")
                                        && line.path("by").asString().equals("patient")));

        assertThat(history)
                .extracting(line ->
                        line.path("what").asString() + " by " + line.path("by").asString())
                .contains(
                        "Registered by frontdesk",
                        "Series booked by frontdesk",
                        "Session moved by frontdesk",
                        "Consent to texts changed by patient");
        assertThat(history.getFirst().path("what").asString()).isEqualTo("Consent to texts changed");
        // the events say it too, for integrations that keep their own trail
        await().atMost(Duration.ofSeconds(20))
                .until(() -> topics.forKey(patientId).stream()
                        .anyMatch(r -> r.ceType().equals("clinic.session.rescheduled.v1")));
        assertThat(topics.forKey(patientId))
                .filteredOn(r -> r.ceType().equals("clinic.session.rescheduled.v1"))
                .extracting(r -> r.header("ce_actor"))
                .containsOnly("frontdesk");
        // another clinic's front desk learns nothing of this patient
        assertThat(Api.westSlope(port)
                        .get("/api/patients/" + patientId + "/history")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void formsSentAndAnswersLookedAtInIntakeServiceAreInTheHistoryOnceWithWhoDidThem() {
        JsonHttp api = Api.frontDesk(port);
        String patientId = Api.registerPatient(api);
        String seriesId = "series-" + patientId;
        Instant at = Instant.parse("2026-12-01T17:00:00Z");
        try (var events = new EventPublisherForTests()) {
            events.publish(
                    new IntakeCompleted(patientId, seriesId, at, "patient"), "completed-" + patientId, "patient");
            var look = new FormAnswersViewed(
                    patientId, seriesId, null, "form-" + patientId, "intake", FormAnswersViewed.ALL, "clinician", at);
            // delivered twice (at least once): one line
            events.publish(look, "viewed-" + patientId, "clinician");
            events.publish(look, "viewed-" + patientId, "clinician");
            events.publish(
                    new IntakeReviewed(patientId, seriesId, null, "form-" + patientId, "intake", "clinician", at),
                    "reviewed-" + patientId,
                    "clinician");
        }

        List<JsonNode> history = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> lines(api, patientId),
                        lines -> lines.stream()
                                .anyMatch(line -> line.path("what").asString().startsWith("Flagged answers reviewed")));

        assertThat(history)
                .extracting(line ->
                        line.path("what").asString() + " by " + line.path("by").asString())
                .containsOnlyOnce(
                        "Intake form sent by patient",
                        "Viewed the intake answers by clinician",
                        "Flagged answers reviewed by clinician");
    }

    @org.springframework.beans.factory.annotation.Autowired
    com.seriescare.servicesupport.audit.AuditTrail audit;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;

    @Test
    void entriesAreKeptSixYearsAndThenForgotten() {
        String patientId = "retention-" + java.util.UUID.randomUUID();
        Instant now = SchedulingServiceTest.NOW;
        for (int years : new int[] {7, 5}) {
            Instant at =
                    now.atOffset(java.time.ZoneOffset.UTC).minusYears(years).toInstant();
            mongo.insert(
                    new com.seriescare.servicesupport.audit.AuditTrail.Entry(
                            patientId + years,
                            patientId,
                            "clinic.patient.registered.v1",
                            patientId,
                            "frontdesk",
                            at,
                            at),
                    com.seriescare.servicesupport.audit.AuditTrail.COLLECTION);
        }

        audit.forgetExpired();

        assertThat(audit.of(patientId)).extracting(entry -> entry.id()).containsExactly(patientId + 5);
    }

    private static List<JsonNode> lines(JsonHttp api, String patientId) {
        var answer = api.get("/api/patients/" + patientId + "/history");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json().valueStream().toList();
    }
}
