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

    private int readiness() {
        return com.seriescare.testsupport.JsonHttp.at("http://localhost:" + port)
                .get("/actuator/health/readiness")
                .status();
    }
}
