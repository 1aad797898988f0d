package com.seriescare.intake;

import static com.seriescare.intake.Fixture.PATIENCE;
import static com.seriescare.intake.Fixture.body;
import static com.seriescare.intake.Fixture.published;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.seriescare.intake.deadlines.DeadlineWatch;
import com.seriescare.servicesupport.outbox.OutboxRelay;
import com.seriescare.testsupport.JsonHttp;
import com.seriescare.testsupport.MutableClock;
import com.seriescare.testsupport.RecordedTopics.Recorded;
import com.seriescare.testsupport.SharedInfrastructureInitializer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.support.GenericApplicationContext;

@IntakeServiceTest
class DeadlinesIntegrationTest {

    /** 09:00 in Denver on Monday 2 November 2026, the day after clocks fell back from MDT to MST. */
    static final String AFTER_FALL_BACK = "2026-11-02T16:00:00Z";

    static final Duration MS = Duration.ofMillis(1);

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    DeadlineWatch deadlines;

    @AfterEach
    void resetClock() {
        clock.set(IntakeServiceTest.NOW);
    }

    JsonHttp api() {
        return JsonHttp.at("http://localhost:" + port).as("frontdesk", "frontdesk");
    }

    @Test
    void overdueIsPublishedOnceAtTheExactInstantAcrossTheClockChange() {
        var booked = Fixture.book("en", AFTER_FALL_BACK);
        Fixture.checklistPath(booked, 1);
        // 72 h before 09:00 MST Monday is 10:00 MDT Friday (local clocks show 10:00: an hour went back meanwhile)
        Instant intakeDue = Instant.parse("2026-10-30T16:00:00Z");
        Instant checklistDue = Instant.parse("2026-11-01T16:00:00Z");

        clock.set(intakeDue.minus(MS));
        deadlines.passDeadlines();
        clock.set(intakeDue);
        deadlines.passDeadlines();
        deadlines.passDeadlines();
        clock.set(checklistDue.minus(MS));
        deadlines.passDeadlines();

        var intakeOverdue =
                await().atMost(PATIENCE).until(() -> published(booked, "intake.overdue"), list -> !list.isEmpty());
        assertThat(body(intakeOverdue.getFirst()).path("dueAt").asString()).isEqualTo("2026-10-30T16:00:00Z");
        assertThat(published(booked, "checklist.overdue")).isEmpty();

        clock.set(checklistDue);
        deadlines.passDeadlines();
        clock.advance(Duration.ofHours(1));
        deadlines.passDeadlines();

        var checklistOverdue =
                await().atMost(PATIENCE).until(() -> published(booked, "checklist.overdue"), list -> !list.isEmpty());
        assertThat(body(checklistOverdue.getFirst()).path("dueAt").asString()).isEqualTo("2026-11-01T16:00:00Z");
        // the reminder carries a fresh link to the same form, issued for notification-service alone; the older one
        // no longer opens it (a link is a bearer secret: one that works at a time)
        String firstPath = Fixture.checklistPath(booked, 1);
        var reminder = await().atMost(PATIENCE)
                .until(
                        () -> Fixture.linksIssued(booked).stream()
                                .filter(link -> link.path("occasion").asString().equals("overdue")
                                        && link.path("form").asString().equals("checklist"))
                                .toList(),
                        list -> !list.isEmpty());
        String reminderPath = Fixture.pathOf(reminder.getFirst().path("link").asString());
        assertThat(new FormHttp(port).get(reminderPath).html()).contains("Before your appointment");
        assertThat(new FormHttp(port).get(firstPath).status()).isEqualTo(404);
        assertThat(body(checklistOverdue.getFirst()).has("link")).isFalse();
        assertOnlyOnce(booked, "intake.overdue");
        assertOnlyOnce(booked, "checklist.overdue");
        assertThat(api().get("/api/series/" + booked.seriesId() + "/intake")
                        .json()
                        .path("status")
                        .asString())
                .isEqualTo("overdue");
    }

    @Test
    void aSeriesBookedInsideItsIntakeDeadlineKeepsTheTextedLinkWorkingUntilHalfwayToTheSession() {
        // the first session 48 h from now: 72 h before it has already passed
        var booked = Fixture.book(
                "en", IntakeServiceTest.NOW.plus(Duration.ofHours(48)).toString());
        String intake = Fixture.intakePath(booked);

        deadlines.passDeadlines();
        assertThat(new FormHttp(port).get(intake).status())
                .as("the link just texted opens the form")
                .isEqualTo(200);
        assertThat(published(booked, "intake.overdue")).isEmpty();

        clock.set(IntakeServiceTest.NOW.plus(Duration.ofHours(24)));
        deadlines.passDeadlines();
        var overdue =
                await().atMost(PATIENCE).until(() -> published(booked, "intake.overdue"), list -> !list.isEmpty());
        assertThat(body(overdue.getFirst()).path("dueAt").asString())
                .isEqualTo(IntakeServiceTest.NOW.plus(Duration.ofHours(24)).toString());
    }

    @Test
    void aRescheduledSessionsChecklistIsOverdueAtItsNewDeadlineOnly() {
        var booked = Fixture.book("en", "2026-12-01T16:00:00Z", "2026-12-08T16:00:00Z");
        Fixture.checklistPath(booked, 2);
        Fixture.reschedule(booked, 2, "2026-12-10T16:00:00Z", 2);
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(api().get("/api/sessions/" + booked.sessionId(2) + "/checklist")
                                .json()
                                .path("dueAt")
                                .asString())
                        .isEqualTo("2026-12-09T16:00:00Z"));

        clock.set(Instant.parse("2026-12-07T16:00:00Z")); // the old deadline
        deadlines.passDeadlines();
        assertThat(statusOfChecklist(booked, 2)).isEqualTo("requested");
        clock.set(Instant.parse("2026-12-09T16:00:00Z"));
        deadlines.passDeadlines();

        var overdue = await().atMost(PATIENCE)
                .until(
                        () -> published(booked, "checklist.overdue").stream()
                                .filter(r ->
                                        body(r).path("sessionId").asString().equals(booked.sessionId(2)))
                                .toList(),
                        list -> !list.isEmpty());
        assertThat(body(overdue.getFirst()).path("dueAt").asString()).isEqualTo("2026-12-09T16:00:00Z");
    }

    @Test
    void noOverdueForACancelledSessionNorForACompletedForm() {
        var booked = Fixture.book("en", "2026-12-01T16:00:00Z", "2026-12-03T16:00:00Z");
        String intake = Fixture.intakePath(booked);
        String secondChecklist = Fixture.checklistPath(booked, 2);
        var phone = new FormHttp(port);
        assertThat(phone.post(intake, FormHttp.goodIntake()).status()).isEqualTo(200);
        assertThat(phone.post(secondChecklist, FormHttp.goodChecklist()).status())
                .isEqualTo(200);
        Fixture.cancel(booked, 1, 2);
        await().atMost(PATIENCE).until(() -> statusOfChecklist(booked, 1).equals("closed"));

        clock.set(Instant.parse("2026-12-02T20:00:00Z")); // past every deadline, before the second session
        deadlines.passDeadlines();

        // the completions went out after the deadline pass: nothing else can still be on its way
        await().atMost(PATIENCE)
                .untilAsserted(() ->
                        assertThat(published(booked, "checklist.completed")).hasSize(1));
        assertThat(published(booked, "intake.overdue")).isEmpty();
        assertThat(published(booked, "checklist.overdue")).isEmpty();
        assertThat(statusOfChecklist(booked, 2)).isEqualTo("completed");
    }

    @Test
    void aDeadlineThatPassedWhileTheServiceWasDownIsPublishedByTheRestartedService(@Autowired OutboxRelay relay)
            throws Exception {
        var booked = Fixture.book("en", "2026-12-01T16:00:00Z");
        Fixture.checklistPath(booked, 1);
        // this instance is "down" for the deadline: it does not pass it, and its relay publishes nothing
        relay.pause();
        var laterClock = new MutableClock(Instant.parse("2026-11-28T16:05:00Z"));
        try (var restarted = new SpringApplicationBuilder(IntakeApplication.class)
                .initializers(
                        new SharedInfrastructureInitializer(),
                        context -> ((GenericApplicationContext) context)
                                .registerBean(
                                        "restartedClock",
                                        MutableClock.class,
                                        () -> laterClock,
                                        bean -> bean.setPrimary(true)))
                .profiles("dev", "test")
                .properties(
                        "server.port=0",
                        "seriescare.deadlines.poll-interval=100ms",
                        "spring.cloud.stream.bindings.sessionEvents-in-0.consumer.auto-startup=false")
                .run()) {
            var overdue =
                    await().atMost(PATIENCE).until(() -> published(booked, "intake.overdue"), list -> !list.isEmpty());
            assertThat(body(overdue.getFirst()).path("dueAt").asString()).isEqualTo("2026-11-28T16:00:00Z");
        } finally {
            relay.resume();
        }
        assertOnlyOnce(booked, "intake.overdue");
        assertThat(published(booked, "checklist.overdue")).isEmpty();
    }

    private String statusOfChecklist(Fixture.Booked booked, int sequence) {
        return api().get("/api/sessions/" + booked.sessionId(sequence) + "/checklist")
                .json()
                .path("status")
                .asString();
    }

    /** Once more passes and relay rounds are over: one event (an outbox retry would repeat the same ce_id). */
    private void assertOnlyOnce(Fixture.Booked booked, String type) {
        assertThat(deadlines.passDeadlines()).isZero();
        await().pollDelay(Duration.ofMillis(1500)).atMost(PATIENCE).untilAsserted(() -> {
            List<Recorded> events = published(booked, type);
            assertThat(events.stream().map(r -> r.header("ce_id")).distinct()).hasSize(1);
        });
    }
}
