package com.seriescare.intake;

import static com.seriescare.intake.Fixture.EVENTS;
import static com.seriescare.intake.Fixture.PATIENCE;
import static com.seriescare.intake.Fixture.body;
import static com.seriescare.intake.Fixture.published;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.seriescare.contracts.EventCodec;
import com.seriescare.testsupport.JsonHttp;
import com.seriescare.testsupport.RecordedTopics.Recorded;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntakeServiceTest
class FormRequestsIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    EventCodec codec;

    JsonHttp api() {
        return JsonHttp.at("http://localhost:" + port).as("frontdesk", "frontdesk");
    }

    @Test
    void aSixSessionSeriesGetsOneIntakeAndSixChecklistsEachRequestedOnceEvenWhenReplayed() {
        var booked = Fixture.book(
                "en",
                "2026-12-01T16:00:00Z",
                "2026-12-03T16:00:00Z",
                "2026-12-08T16:00:00Z",
                "2026-12-10T16:00:00Z",
                "2026-12-15T16:00:00Z",
                "2026-12-17T16:00:00Z");
        // the broker redelivers, and an operator replays the topic: the same events again, with new ids too
        String bookingId = EVENTS.publish(booked.booking());
        EVENTS.publish(booked.booking(), bookingId);
        for (int sequence = 1; sequence <= 6; sequence++) {
            EVENTS.publish(Fixture.scheduled(booked, sequence));
        }

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(published(booked, "intake.requested")).hasSize(1);
            assertThat(published(booked, "checklist.requested")).hasSize(6);
        });

        var intake = api().get("/api/series/" + booked.seriesId() + "/intake");
        assertThat(intake.status()).isEqualTo(200);
        assertThat(intake.json().path("status").asString()).isEqualTo("requested");
        assertThat(intake.json().path("dueAt").asString()).isEqualTo("2026-11-28T16:00:00Z");
        assertThat(intake.json().path("expiresAt").asString()).isEqualTo("2026-12-01T16:00:00Z");
        Map<String, String> dueBySession = new HashMap<>();
        for (Recorded request : published(booked, "checklist.requested")) {
            // what is published validates against the type's schema (decode validates first)
            codec.decode(request.ceType(), request.body().getBytes(StandardCharsets.UTF_8));
            dueBySession.put(
                    body(request).path("sessionId").asString(),
                    body(request).path("dueAt").asString());
            assertThat(request.header("ce_source")).isEqualTo("/seriescare/intake-service");
        }
        assertThat(dueBySession)
                .containsEntry(booked.sessionId(1), "2026-11-30T16:00:00Z")
                .containsEntry(booked.sessionId(6), "2026-12-16T16:00:00Z");
        for (int sequence = 1; sequence <= 6; sequence++) {
            var checklist = api().get("/api/sessions/" + booked.sessionId(sequence) + "/checklist");
            assertThat(checklist.json().path("status").asString()).isEqualTo("requested");
        }
    }

    @Test
    void aMovedSessionMovesItsChecklistWithAFreshLinkAndTheIntakeFollowsTheFirstSession() {
        var booked = Fixture.book("en", "2026-12-01T16:00:00Z", "2026-12-03T16:00:00Z");
        String firstLink = Fixture.checklistPath(booked, 1);

        Fixture.reschedule(booked, 1, "2026-12-02T18:00:00Z", 2);
        Fixture.reschedule(booked, 1, "2026-12-02T18:00:00Z", 2); // redelivered

        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(published(booked, "checklist.requested").stream()
                                .filter(r ->
                                        body(r).path("sessionId").asString().equals(booked.sessionId(1))))
                        .hasSize(2));
        var checklist = api().get("/api/sessions/" + booked.sessionId(1) + "/checklist");
        assertThat(checklist.json().path("dueAt").asString()).isEqualTo("2026-12-01T18:00:00Z");
        assertThat(checklist.json().path("expiresAt").asString()).isEqualTo("2026-12-02T18:00:00Z");
        String freshLink = Fixture.checklistPath(booked, 1);
        assertThat(freshLink).isNotEqualTo(firstLink);
        var intake = api().get("/api/series/" + booked.seriesId() + "/intake");
        assertThat(intake.json().path("dueAt").asString()).isEqualTo("2026-11-29T18:00:00Z");
        // a link is a bearer secret: the fresh one revokes the one texted before
        assertThat(new FormHttp(port).get(freshLink).status()).isEqualTo(200);
        assertThat(new FormHttp(port).get(firstLink).status()).isEqualTo(404);
    }

    @Test
    void aCancelledSessionClosesItsChecklistAndCancellingEverySessionClosesTheIntake() {
        var booked = Fixture.book("en", "2026-12-01T16:00:00Z", "2026-12-03T16:00:00Z");
        String link = Fixture.checklistPath(booked, 1);

        Fixture.cancel(booked, 1, 2);

        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(api().get("/api/sessions/" + booked.sessionId(1) + "/checklist")
                                .json()
                                .path("status")
                                .asString())
                        .isEqualTo("closed"));
        // the intake is now due before the second session, the first one left
        assertThat(api().get("/api/series/" + booked.seriesId() + "/intake")
                        .json()
                        .path("dueAt")
                        .asString())
                .isEqualTo("2026-11-30T16:00:00Z");
        var page = new FormHttp(port).get(link);
        assertThat(page.status()).isEqualTo(410);
        assertThat(page.html()).contains("no longer needed").contains("(303) 555-0100");

        Fixture.cancel(booked, 2, 2);
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(api().get("/api/series/" + booked.seriesId() + "/intake")
                                .json()
                                .path("status")
                                .asString())
                        .isEqualTo("closed"));
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
