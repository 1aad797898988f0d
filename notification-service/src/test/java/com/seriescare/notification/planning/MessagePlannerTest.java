package com.seriescare.notification.planning;

import static org.assertj.core.api.Assertions.assertThat;

import com.seriescare.contracts.scheduling.AppointmentStatus;
import com.seriescare.contracts.scheduling.BookedSession;
import com.seriescare.contracts.scheduling.SeriesBooked;
import com.seriescare.contracts.scheduling.SessionScheduled;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessagePlannerTest {

    static final ZoneId DENVER = ZoneId.of("America/Denver");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final Instant NOW = Instant.parse("2026-10-20T16:00:00Z");

    @Test
    void confirmsTheSeriesOnceAtOnceUnderTheSeriesKey() {
        var booked = new SeriesBooked(
                "p",
                "s",
                "c",
                List.of(new BookedSession(
                        "x",
                        1,
                        Instant.parse("2026-12-01T16:00:00Z"),
                        LocalDateTime.parse("2026-12-01T09:00"),
                        "America/Denver",
                        90)),
                NOW);

        PlannedMessage plan = MessagePlanner.confirmationFor(booked, NOW);

        assertThat(plan.planKey()).isEqualTo("s:BOOKING_CONFIRMATION");
        assertThat(plan.dueAt()).isEqualTo(NOW);
        assertThat(plan.sessionStarts()).containsExactly(Instant.parse("2026-12-01T16:00:00Z"));
        assertThat(MessagePlanner.confirmationFor(booked, NOW.plusSeconds(60)).planKey())
                .isEqualTo(plan.planKey());
    }

    @Test
    void prepTipsAreDueAtSixInTheEveningBeforeInThePatientsZone() {
        var plan = MessagePlanner.prepTipsFor(session("2026-12-01T16:00:00Z", 1), DENVER, NOW)
                .orElseThrow();

        assertThat(plan.dueAt().atZone(DENVER).toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-11-30T18:00"));
        assertThat(plan.planKey()).isEqualTo("x:PREP_TIPS:r1");
    }

    @Test
    void theEveningBeforeASessionRightAfterTheNovemberClockChangeIsStillSixLocal() {
        // Monday 2026-11-02 09:00 MST; the evening before is Sunday 2026-11-01, the day the clocks went back
        var plan = MessagePlanner.prepTipsFor(session("2026-11-02T16:00:00Z", 1), DENVER, NOW)
                .orElseThrow();

        assertThat(plan.dueAt()).isEqualTo(Instant.parse("2026-11-02T01:00:00Z")); // 18:00 MST = UTC-7
    }

    @Test
    void theEveningBeforeASessionRightAfterTheMarchClockChangeIsStillSixLocal() {
        // Monday 2027-03-15 09:00 MDT; the evening before is Sunday 2027-03-14, the day the clocks went forward
        var plan = MessagePlanner.prepTipsFor(session("2027-03-15T15:00:00Z", 1), DENVER, NOW)
                .orElseThrow();

        assertThat(plan.dueAt()).isEqualTo(Instant.parse("2027-03-15T00:00:00Z")); // 18:00 MDT = UTC-6
    }

    @Test
    void aPatientInAnotherZoneGetsTipsAtSixOfTheirOwnEvening() {
        var plan = MessagePlanner.prepTipsFor(session("2026-12-01T16:00:00Z", 1), NEW_YORK, NOW)
                .orElseThrow();

        assertThat(plan.dueAt()).isEqualTo(Instant.parse("2026-11-30T23:00:00Z")); // 18:00 EST
    }

    @Test
    void aLateBookingGetsTipsAtOnceOrNotAtAllWhenTheSessionIsTooClose() {
        Instant eveningPassed = Instant.parse("2026-12-01T05:00:00Z"); // 22:00 the day before, Denver

        assertThat(MessagePlanner.prepTipsFor(session("2026-12-01T16:00:00Z", 1), DENVER, eveningPassed))
                .get()
                .extracting(PlannedMessage::dueAt)
                .isEqualTo(eveningPassed);
        assertThat(MessagePlanner.prepTipsFor(
                        session("2026-12-01T16:00:00Z", 1), DENVER, Instant.parse("2026-12-01T14:00:00Z")))
                .isEmpty();
    }

    @Test
    void aNewRevisionOfTheSessionIsANewPlan() {
        assertThat(MessagePlanner.prepTipsFor(session("2026-12-01T16:00:00Z", 2), DENVER, NOW)
                        .orElseThrow()
                        .planKey())
                .isEqualTo("x:PREP_TIPS:r2");
    }

    static SessionScheduled session(String start, int revision) {
        return new SessionScheduled(
                "p",
                "s",
                "x",
                1,
                6,
                Instant.parse(start),
                "America/Denver",
                90,
                "c",
                revision,
                AppointmentStatus.booked);
    }
}
