package com.seriescare.notification;

import static com.seriescare.notification.TextingIntegrationTest.booked;
import static com.seriescare.notification.TextingIntegrationTest.registered;
import static com.seriescare.notification.TextingIntegrationTest.sessionsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.seriescare.contracts.scheduling.SessionScheduled;
import com.seriescare.notification.dispatch.MessageStatus;
import com.seriescare.notification.dispatch.OutgoingMessages;
import com.seriescare.testsupport.EventPublisherForTests;
import com.seriescare.testsupport.RecordedTopics;
import com.seriescare.testsupport.SharedInfrastructure;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A dependency that is down is waited for, never a reason to drop a record (issue 12, finding 1). */
@NotificationServiceTest
class ConsumerFaultsIntegrationTest {

    static final EventPublisherForTests events = new EventPublisherForTests();

    @Autowired
    OutgoingMessages messages;

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @AfterAll
    static void close() {
        events.close();
    }

    @Test
    void aCancellationThatArrivesWhileTheStoreIsDownIsAppliedWhenItComesBackNotDeadLettered() throws Exception {
        Assumptions.assumeTrue(SharedInfrastructure.endpoints().mode() == SharedInfrastructure.Mode.EMBEDDED);
        var patient = registered(true, "en", "America/Denver");
        var series = booked(patient.patientId(), "2026-12-01T11:00");
        SessionScheduled session = sessionsOf(series).getFirst();
        events.publish(patient);
        events.publish(series);
        events.publish(session);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> messages.forPatient(patient.patientId()).stream()
                        .anyMatch(m -> m.plan().kind().beforeSession()));

        try (var dlq = RecordedTopics.of("scheduling.session-events.notification-service.dlq")) {
            var outage = SharedInfrastructure.storeOutage();
            events.publish(ChangesStopTextsIntegrationTest.cancelled(session, 2));
            // not ready while it waits: a load balancer or Kubernetes stops sending it work
            await().atMost(Duration.ofSeconds(20)).until(() -> readiness() == 503);
            // the binder's retry (3 attempts, then the dead-letter topic) gave up on it within seconds
            await().during(Duration.ofSeconds(15))
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> dlq.forKey(patient.patientId()).isEmpty());
            outage.close();

            await().atMost(Duration.ofSeconds(60))
                    .until(() -> messages.forPatient(patient.patientId()).stream()
                            .filter(m -> m.plan().kind().beforeSession())
                            .allMatch(m -> m.status() == MessageStatus.CANCELLED));
            assertThat(dlq.forKey(patient.patientId())).isEmpty();
            await().atMost(Duration.ofSeconds(20)).until(() -> readiness() == 200);
        }
    }

    @Test
    void aRecordThatIsNoCloudEventIsDeadLetteredAndThePatientsLaterEventsGoOn() {
        // no ce_source, ce_specversion or content type, a body that is not JSON: retried, it would hold up every
        // patient on its partition for ever
        var patient = registered(true, "en", "America/Denver");
        try (var dlq = RecordedTopics.of("scheduling.session-events.notification-service.dlq")) {
            events.publishRaw(
                    com.seriescare.contracts.Topics.SESSION_EVENTS,
                    patient.patientId(),
                    java.util.Map.of("ce_id", "junk-" + patient.patientId(), "ce_type", "clinic.no-such-type.v1"),
                    "not even JSON".getBytes());
            events.publish(patient);
            events.publish(booked(patient.patientId(), "2026-12-01T11:00"));

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> dlq.forKey(patient.patientId()).size() == 1);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> TextingIntegrationTest.textsTo(patient.mobilePhone())
                                    .size()
                            == 1);
        }
    }

    @Test
    void anOperatorListsTheDeadLettersAndSendsOneBackOnceItsCauseIsFixed() {
        // a booking an older build refused (its schema said no) waits in the dead-letter topic; this build takes it
        var patient = registered(true, "en", "America/Denver");
        events.publish(patient);
        var series = booked(patient.patientId(), "2026-12-01T11:00");
        String dlq = "scheduling.session-events.notification-service.dlq";
        events.publishRaw(
                dlq,
                patient.patientId(),
                java.util.Map.of(
                        "ce_id",
                        "refused-" + series.seriesId(),
                        "ce_type",
                        series.type().ceType(),
                        "ce_source",
                        "/seriescare/scheduling-service",
                        "ce_subject",
                        series.subject(),
                        "ce_specversion",
                        "1.0",
                        "content-type",
                        "application/json",
                        "kafka_dlt-original-topic",
                        com.seriescare.contracts.Topics.SESSION_EVENTS,
                        "kafka_dlt-exception-message",
                        "Invalid clinic.series.booked.v1 (an older schema)"),
                new com.seriescare.contracts.EventCodec().encode(series));
        var operator = com.seriescare.testsupport.JsonHttp.at("http://localhost:" + port)
                .as("operator", "operator");

        var listing = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> operator.get("/api/operations/dead-letters"),
                        r -> r.body().contains(series.seriesId()) || r.body().contains("refused-" + series.seriesId()));
        assertThat(listing.json().path("topics").toString()).contains(dlq);
        var letter = java.util.stream.StreamSupport.stream(
                        listing.json().path("records").spliterator(), false)
                .filter(r -> r.path("ceId").asString().equals("refused-" + series.seriesId()))
                .findFirst()
                .orElseThrow();
        assertThat(letter.path("originalTopic").asString()).isEqualTo(com.seriescare.contracts.Topics.SESSION_EVENTS);
        assertThat(letter.path("problem").asString()).contains("older schema");
        assertThat(letter.path("key").asString()).isEqualTo(patient.patientId());
        assertThat(letter.has("body")).as("bodies may carry health data").isFalse();
        assertThat(com.seriescare.testsupport.JsonHttp.at("http://localhost:" + port)
                        .as("frontdesk", "frontdesk")
                        .get("/api/operations/dead-letters")
                        .status())
                .isEqualTo(403);

        String place = dlq + "/" + letter.path("partition").asInt() + "/"
                + letter.path("offset").asLong();
        var sent = operator.post("/api/operations/dead-letters/" + place + "/redrive", "");
        assertThat(sent.status()).as(sent.body()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        TextingIntegrationTest.textsTo(patient.mobilePhone()).size() == 1);
        assertThat(operator.get("/api/operations/dead-letters")
                        .json()
                        .path("records")
                        .toString())
                .contains("\"redrivenBy\":\"operator\"");
        var missing = operator.post("/api/operations/dead-letters/" + dlq + "/0/999999999/redrive", "");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).contains("application/problem+json");
    }

    private int readiness() {
        return com.seriescare.testsupport.JsonHttp.at("http://localhost:" + port)
                .get("/actuator/health/readiness")
                .status();
    }

    @Test
    void everyConsumerTakesTheRecordsBytesAsTheyAreAndDecodesThemItself(
            @Autowired org.springframework.cloud.stream.config.BindingServiceProperties bindings) {
        // the binder's conversion parsed every record as JSON into byte[] first, failed, threw and fell back
        var consumers = bindings.getBindings().keySet().stream()
                .filter(name -> name.contains("-in-"))
                .toList();
        assertThat(consumers)
                .isNotEmpty()
                .allSatisfy(
                        name -> assertThat(bindings.getConsumerProperties(name).isUseNativeDecoding())
                                .as(name)
                                .isTrue());
    }
}
