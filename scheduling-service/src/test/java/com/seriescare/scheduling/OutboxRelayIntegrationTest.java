package com.seriescare.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.seriescare.contracts.Topics;
import com.seriescare.servicesupport.outbox.EventPublisher;
import com.seriescare.servicesupport.outbox.OutboxRelay;
import com.seriescare.servicesupport.outbox.PendingEvent;
import com.seriescare.testsupport.RecordedTopics;
import com.seriescare.testsupport.RecordedTopics.Recorded;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

/** A crash between saving a change and publishing its events loses no event. */
@SchedulingServiceTest
class OutboxRelayIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    OutboxRelay relay;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    EventPublisher publisher;

    @AfterEach
    void resumeRelay() {
        relay.resume();
    }

    @Test
    void eventsSavedWhileTheRelayIsDownArePublishedWhenItComesBackThenRemoved() {
        var api = Api.frontDesk(port);
        try (var topics = RecordedTopics.of(Topics.SESSION_EVENTS)) {
            relay.pause();
            String patientId = api.post("/api/patients", PatientApiIntegrationTest.ANA)
                    .json()
                    .path("id")
                    .asString();
            String seriesId = api.post(
                            "/api/series",
                            "{\"patientId\":\"" + patientId + "\",\"sessions\":[{\"start\":\"2026-12-01T09:00\"}]}")
                    .json()
                    .path("id")
                    .asString();

            assertThat(pendingIn("patients", patientId)).isEqualTo(1);
            assertThat(pendingIn("series", seriesId)).isEqualTo(2);

            relay.resume();

            var events = await().atMost(Duration.ofSeconds(20))
                    .until(() -> topics.forKey(patientId), list -> list.size() == 3);
            assertThat(events)
                    .extracting(Recorded::ceType)
                    .containsExactly(
                            "clinic.patient.registered.v1", "clinic.series.booked.v1", "clinic.session.scheduled.v1");
            await().atMost(Duration.ofSeconds(10)).until(() -> pendingIn("series", seriesId) == 0);
            assertThat(pendingIn("patients", patientId)).isZero();
        }
    }

    @Test
    void publishesInTheOrderEntriesWereWrittenAcrossCollectionsAndOnlyOnceTheyHaveSettled() {
        try (var topics = RecordedTopics.of(Topics.SESSION_EVENTS)) {
            relay.pause();
            String patientId = "order-" + UUID.randomUUID();
            Instant now = Instant.now();
            // the series entry was written before the patient entry: it must go first, whatever the collection order
            insertWithOutbox("series", patientId, "series-event", now.minusSeconds(3));
            insertWithOutbox("patients", patientId, "patient-event", now.minusSeconds(2));
            insertWithOutbox(
                    "patients",
                    patientId + "-later",
                    "unsettled-event",
                    Instant.now().plusSeconds(60));

            int published = relay.relayOnce();

            assertThat(published).isEqualTo(2);
            var events = await().atMost(Duration.ofSeconds(20))
                    .until(() -> topics.forKey(patientId), list -> list.size() == 2);
            assertThat(events).extracting(r -> r.header("ce_id")).containsExactly("series-event", "patient-event");
            assertThat(pendingIn("patients", patientId + "-later")).isEqualTo(1);
            mongo.remove(query(where("_id").is(patientId + "-later")), "patients");
        }
    }

    @Test
    void aFailedPublishHoldsBackOnlyThatPatientsLaterEvents() {
        try (var topics = RecordedTopics.of(Topics.SESSION_EVENTS)) {
            relay.pause();
            String stuck = "stuck-" + UUID.randomUUID();
            String other = "other-" + UUID.randomUUID();
            Instant now = Instant.now();
            // the stuck patient's first event cannot be published (a topic the broker refuses)
            mongo.insert(
                    new Document("_id", stuck)
                            .append(
                                    "outbox",
                                    List.of(
                                            pending("stuck-1", "not a topic!", stuck, now.minusSeconds(4)),
                                            pending("stuck-2", Topics.SESSION_EVENTS, stuck, now.minusSeconds(3)))),
                    "patients");
            mongo.insert(
                    new Document("_id", other)
                            .append(
                                    "outbox",
                                    List.of(pending("other-1", Topics.SESSION_EVENTS, other, now.minusSeconds(2)))),
                    "patients");

            try {
                int published = relay.relayOnce();

                // another patient's event does not wait behind it; the stuck patient's next event does (order kept)
                assertThat(published).isEqualTo(1);
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> topics.forKey(other).size() == 1);
                assertThat(topics.forKey(stuck)).isEmpty();
                assertThat(pendingIn("patients", stuck)).isEqualTo(2);
                // what the operators' alert reads: two events wait, the oldest written 4 seconds ago
                assertThat(relay.backlog()).isEqualTo(2);
                assertThat(relay.oldestWaitingSeconds()).isGreaterThanOrEqualTo(4);
            } finally {
                // the stuck event would be retried forever by every later test's relay
                mongo.remove(query(where("_id").in(stuck, other)), "patients");
            }
        }
    }

    @Test
    void oneDocumentsChangesGoInTheOrderTheyWereMadeWhateverTheWritersClocksSaid() {
        // consent granted, then withdrawn by another replica whose clock runs two seconds behind
        try (var topics = RecordedTopics.of(Topics.SESSION_EVENTS)) {
            relay.pause();
            String patientId = "skew-" + UUID.randomUUID();
            Instant now = Instant.now();
            mongo.insert(
                    new Document("_id", patientId)
                            .append(
                                    "outbox",
                                    List.of(
                                            pending("granted", Topics.SESSION_EVENTS, patientId, now.minusSeconds(2)),
                                            pending(
                                                    "withdrawn",
                                                    Topics.SESSION_EVENTS,
                                                    patientId,
                                                    now.minusSeconds(4)))),
                    "patients");

            relay.relayOnce();

            var events = await().atMost(Duration.ofSeconds(20))
                    .until(() -> topics.forKey(patientId), list -> list.size() == 2);
            assertThat(events).extracting(r -> r.header("ce_id")).containsExactly("granted", "withdrawn");
        }
    }

    @Test
    void onlyOneReplicasRelayPublishesAndAnotherTakesOverWhenItsLeaseRunsOut() {
        try (var topics = RecordedTopics.of(Topics.SESSION_EVENTS)) {
            relay.pause();
            String lease = "outbox-relay:test-" + UUID.randomUUID();
            var first = new OutboxRelay(mongo, publisher, List.of("patients", "series"), lease, Duration.ofSeconds(2));
            var second = new OutboxRelay(mongo, publisher, List.of("patients", "series"), lease, Duration.ofSeconds(2));
            // what earlier tests wrote after the service's own relay last ran goes out first, so that what the
            // relays count below is this test's alone (CI once counted 4 for 1)
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                first.relayOnce();
                return pendingAnywhere("patients") + pendingAnywhere("series") == 0;
            });
            String patientId = "lease-" + UUID.randomUUID();
            insertWithOutbox(
                    "patients", patientId, "while-first-holds", Instant.now().minusSeconds(2));

            assertThat(first.relayOnce()).isEqualTo(1);
            insertWithOutbox(
                    "series", patientId, "after-first-died", Instant.now().minusSeconds(1));
            // the first replica dies without letting go: the second waits for its lease to run out
            assertThat(second.relayOnce()).isZero();
            assertThat(pendingIn("series", patientId)).isEqualTo(1);

            Instant diedAt = Instant.now();
            await().atMost(Duration.ofSeconds(10)).until(() -> second.relayOnce() == 1);
            assertThat(Duration.between(diedAt, Instant.now())).isGreaterThan(Duration.ofSeconds(1));
            assertThat(first.relayOnce())
                    .as("the first replica came back: the lease is the second's now")
                    .isZero();

            // a replica that stops cleanly lets go at once
            second.destroy();
            mongo.insert(
                    new Document("_id", patientId + "-2")
                            .append(
                                    "outbox",
                                    List.of(pending(
                                            "after-clean-stop",
                                            Topics.SESSION_EVENTS,
                                            patientId,
                                            Instant.now().minusSeconds(1)))),
                    "series");
            assertThat(first.relayOnce()).isEqualTo(1);
            first.destroy();
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(topics.forKey(patientId))
                            .extracting(r -> r.header("ce_id"))
                            .containsExactly("while-first-holds", "after-first-died", "after-clean-stop"));
        }
    }

    private static PendingEvent pending(String eventId, String topic, String key, Instant writtenAt) {
        return new PendingEvent(
                eventId, "clinic.patient.registered.v1", topic, key, key, writtenAt, writtenAt, "{}", "system", null);
    }

    private void insertWithOutbox(String collection, String key, String eventId, Instant writtenAt) {
        var event = new PendingEvent(
                eventId,
                "clinic.patient.registered.v1",
                Topics.SESSION_EVENTS,
                key.replace("-later", ""),
                key,
                writtenAt,
                writtenAt,
                "{}",
                "system",
                null);
        mongo.insert(new Document("_id", key).append("outbox", List.of(event)), collection);
    }

    private long pendingAnywhere(String collection) {
        return mongo.count(query(where("outbox.0").exists(true)), collection);
    }

    private int pendingIn(String collection, String id) {
        Document document = mongo.findById(id, Document.class, collection);
        return document.getList("outbox", Document.class).size();
    }
}
