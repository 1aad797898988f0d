package com.seriescare.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.seriescare.contracts.scheduling.BookedSession;
import com.seriescare.contracts.scheduling.SeriesBooked;
import com.seriescare.testsupport.EventPublisherForTests;
import com.seriescare.testsupport.JsonHttp;
import com.seriescare.testsupport.UsesSharedInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesSharedInfrastructure
class IntakeRequestIntegrationTest {

    static final EventPublisherForTests events = new EventPublisherForTests();

    @LocalServerPort
    int port;

    @AfterAll
    static void close() {
        events.close();
    }

    @Test
    void aBookedSeriesGetsOneIntakeRequestDueThreeDaysBeforeItsFirstSessionEvenWhenReplayed() {
        var api = JsonHttp.at("http://localhost:" + port).as("frontdesk", "frontdesk");
        String seriesId = UUID.randomUUID().toString();
        var booked = new SeriesBooked(
                "patient-" + UUID.randomUUID(),
                seriesId,
                "front-range",
                List.of(session(2, "2026-12-03T16:00:00Z"), session(1, "2026-12-01T16:00:00Z")),
                Instant.parse("2026-10-20T16:00:00Z"));

        String eventId = events.publish(booked);
        events.publish(booked, eventId);
        events.publish(booked);

        var intake = await().atMost(Duration.ofSeconds(30))
                .until(() -> api.get("/api/series/" + seriesId + "/intake"), r -> r.status() == 200);
        assertThat(intake.json().path("status").asString()).isEqualTo("requested");
        assertThat(intake.json().path("dueAt").asString()).isEqualTo("2026-11-28T16:00:00Z");
        assertThat(intake.json().path("patientId").asString()).isEqualTo(booked.patientId());
    }

    @Test
    void theFrontDeskApiNeedsCredentials() {
        var anonymous = JsonHttp.at("http://localhost:" + port).get("/api/series/any/intake");

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(JsonHttp.at("http://localhost:" + port)
                        .get("/actuator/health")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void anUnknownSeriesHasNoIntake() {
        var response = JsonHttp.at("http://localhost:" + port)
                .as("frontdesk", "frontdesk")
                .get("/api/series/nope/intake");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("detail").asString()).contains("nope");
    }

    static BookedSession session(int sequence, String start) {
        return new BookedSession(
                UUID.randomUUID().toString(),
                sequence,
                Instant.parse(start),
                LocalDateTime.parse("2026-12-01T09:00"),
                "America/Denver",
                90);
    }
}
