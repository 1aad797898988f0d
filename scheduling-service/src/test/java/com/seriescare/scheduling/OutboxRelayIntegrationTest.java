package com.seriescare.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.seriescare.contracts.Topics;
import com.seriescare.scheduling.outbox.OutboxRelay;
import com.seriescare.testsupport.JsonHttp;
import com.seriescare.testsupport.RecordedTopics;
import com.seriescare.testsupport.RecordedTopics.Recorded;
import java.time.Duration;
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

    @AfterEach
    void resumeRelay() {
        relay.resume();
    }

    @Test
    void eventsSavedWhileTheRelayIsDownArePublishedWhenItComesBackThenRemoved() {
        var api = JsonHttp.at("http://localhost:" + port);
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

    private int pendingIn(String collection, String id) {
        Document document = mongo.findById(id, Document.class, collection);
        return document.getList("outbox", Document.class).size();
    }
}
