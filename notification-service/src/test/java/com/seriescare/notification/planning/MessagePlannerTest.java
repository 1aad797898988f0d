package com.seriescare.notification.planning;

import static org.assertj.core.api.Assertions.assertThat;

import com.seriescare.contracts.scheduling.AppointmentStatus;
import com.seriescare.contracts.scheduling.BookedSession;
import com.seriescare.contracts.scheduling.SeriesBooked;
import com.seriescare.contracts.scheduling.SessionScheduled;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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

    static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

    /** The texts before a session, as the planner times them with the default rules and quiet hours. */
    static List<PlannedMessage> before(SessionScheduled session, ZoneId zone, Instant now) {
        return MessagePlanner.beforeSession(session, zone, now, MessageRules.DEFAULTS, QuietHours.DEFAULT);
    }

    static PlannedMessage only(List<PlannedMessage> plans, MessageKind kind) {
        return plans.stream().filter(p -> p.kind() == kind).findFirst().orElseThrow();
    }

    static String local(Instant instant, ZoneId zone) {
        return instant.atZone(zone).toLocalDateTime().toString();
    }

    @Test
    void prepTipsAreDueAtSixInTheEveningBeforeInThePatientsZone() {
        var plan = only(before(session("2026-12-01T18:00:00Z", 1), DENVER, NOW), MessageKind.PREP_TIPS);

        assertThat(local(plan.dueAt(), DENVER)).isEqualTo("2026-11-30T18:00");
        assertThat(plan.planKey()).isEqualTo("x:PREP_TIPS:r1");
    }

    @Test
    void theEveningBeforeASessionRightAfterTheNovemberClockChangeIsStillSixLocal() {
        // Monday 2026-11-02 11:00 MST; the evening before is Sunday 2026-11-01, the day the clocks went back
        var plan = only(before(session("2026-11-02T18:00:00Z", 1), DENVER, NOW), MessageKind.PREP_TIPS);

        assertThat(plan.dueAt()).isEqualTo(Instant.parse("2026-11-02T01:00:00Z")); // 18:00 MST = UTC-7
    }

    @Test
    void theEveningBeforeASessionRightAfterTheMarchClockChangeIsStillSixLocal() {
        // Monday 2027-03-15 11:00 MDT; the evening before is Sunday 2027-03-14, the day the clocks went forward
        var plan = only(before(session("2027-03-15T17:00:00Z", 1), DENVER, NOW), MessageKind.PREP_TIPS);

        assertThat(plan.dueAt()).isEqualTo(Instant.parse("2027-03-15T00:00:00Z")); // 18:00 MDT = UTC-6
    }

    @Test
    void aPatientInAnotherZoneGetsTipsAtSixOfTheirOwnEvening() {
        var plan = only(before(session("2026-12-01T18:00:00Z", 1), NEW_YORK, NOW), MessageKind.PREP_TIPS);

        assertThat(plan.dueAt()).isEqualTo(Instant.parse("2026-11-30T23:00:00Z")); // 18:00 EST
    }

    @Test
    void theDayOfReminderIsThreeHoursBeforeOnTheDayItself() {
        // 13:00 Denver: reminder at 10:00 that day, prep tips the evening before, five hours before ... 16 h apart
        var plans = before(session("2026-12-01T20:00:00Z", 1), DENVER, NOW);

        assertThat(plans)
                .extracting(PlannedMessage::kind)
                .containsExactly(MessageKind.PREP_TIPS, MessageKind.DAY_OF_REMINDER);
        assertThat(local(only(plans, MessageKind.DAY_OF_REMINDER).dueAt(), DENVER))
                .isEqualTo("2026-12-01T10:00");
    }

    @Test
    void aMorningSessionsReminderWaitsForTheEndOfQuietHoursThatMorningNeverTheEveningBefore() {
        // 10:30 Denver: start - 3 h is 07:30, in quiet hours; 08:00 that day still leaves 2.5 h
        var plans = before(session("2026-12-01T17:30:00Z", 1), DENVER, NOW);

        assertThat(local(only(plans, MessageKind.DAY_OF_REMINDER).dueAt(), DENVER))
                .isEqualTo("2026-12-01T08:00");
        assertThat(local(only(plans, MessageKind.PREP_TIPS).dueAt(), DENVER)).isEqualTo("2026-11-30T18:00");
    }

    @Test
    void aSessionBeforeTenHasItsReminderFoldedIntoTheEveningBeforeTextWhichAsksForTheConfirmation() {
        // the defect as seen: a Los Angeles patient, a 09:00 Denver session (08:00 in LA) got "see you today" at
        // 20:59 the evening before. Now one text at 18:00 LA the day before, asking to reply C; nothing that morning
        var plans = before(session("2026-12-01T16:00:00Z", 1), LOS_ANGELES, NOW);

        assertThat(plans).singleElement().satisfies(plan -> {
            assertThat(plan.kind()).isEqualTo(MessageKind.PREP_TIPS_AND_CONFIRM);
            assertThat(local(plan.dueAt(), LOS_ANGELES)).isEqualTo("2026-11-30T18:00");
        });
    }

    @Test
    void everyTextBeforeASessionFallsOnTheDayItsWordsName() {
        // every quarter hour of a day, for patients in three zones: prep tips on the day before, reminder on the day,
        // at least two hours apart, outside quiet hours, and a day-of reminder never after the session
        for (ZoneId zone : List.of(DENVER, LOS_ANGELES, NEW_YORK)) {
            for (int quarter = 0; quarter < 96; quarter++) {
                Instant start = Instant.parse("2026-12-01T07:00:00Z").plus(Duration.ofMinutes(15L * quarter));
                LocalDateTime localStart = start.atZone(zone).toLocalDateTime();
                List<PlannedMessage> plans = before(session(start.toString(), 1), zone, NOW);
                for (PlannedMessage plan : plans) {
                    LocalDate day = plan.dueAt().atZone(zone).toLocalDate();
                    String what = plan.kind() + " for " + localStart + " " + zone;
                    assertThat(QuietHours.DEFAULT.contains(plan.dueAt(), zone))
                            .as(what)
                            .isFalse();
                    if (plan.kind() == MessageKind.DAY_OF_REMINDER) {
                        assertThat(day).as(what).isEqualTo(localStart.toLocalDate());
                        assertThat(plan.dueAt()).as(what).isBefore(start);
                    } else {
                        assertThat(day)
                                .as(what)
                                .isEqualTo(localStart.toLocalDate().minusDays(1));
                    }
                }
                if (plans.size() == 2) {
                    assertThat(Duration.between(
                                    plans.get(0).dueAt(), plans.get(1).dueAt()))
                            .as("gap before " + localStart)
                            .isGreaterThanOrEqualTo(MessagePlanner.MIN_GAP);
                }
                assertThat(plans).as("something before " + localStart).isNotEmpty();
            }
        }
    }

    @Test
    void aLateBookingGetsTipsAtOnceOnlyWhileItIsStillTheEveningBefore() {
        Instant sevenInTheEvening = Instant.parse("2026-12-01T02:00:00Z"); // 19:00 Nov 30, Denver
        Instant tenAtNight = Instant.parse("2026-12-01T05:00:00Z"); // 22:00 Nov 30, Denver: quiet hours

        assertThat(only(before(session("2026-12-01T18:00:00Z", 1), DENVER, sevenInTheEvening), MessageKind.PREP_TIPS)
                        .dueAt())
                .isEqualTo(sevenInTheEvening);
        // too late for "tomorrow" (the morning would make it "today"): the day-of reminder alone, at 08:00
        assertThat(before(session("2026-12-01T18:00:00Z", 1), DENVER, tenAtNight))
                .extracting(plan -> plan.kind() + " " + local(plan.dueAt(), DENVER))
                .containsExactly("DAY_OF_REMINDER 2026-12-01T08:00");
        // booked the same morning for a session an hour away: nothing but the booking confirmation
        assertThat(before(session("2026-12-01T18:00:00Z", 1), DENVER, Instant.parse("2026-12-01T17:00:00Z")))
                .isEmpty();
    }

    @Test
    void withoutTipsTheEveningBeforeAnEarlySessionStillGetsItsReminder() {
        // booked at 22:00 for 09:00: no "tomorrow" text is possible, so the 08:00 reminder is not folded away
        assertThat(before(session("2026-12-01T16:00:00Z", 1), DENVER, Instant.parse("2026-12-01T05:00:00Z")))
                .extracting(plan -> plan.kind() + " " + local(plan.dueAt(), DENVER))
                .containsExactly("DAY_OF_REMINDER 2026-12-01T08:00");
    }

    @Test
    void aClinicsEarlierQuietHoursKeepTheTipsOnTheSameEvening() {
        var strict = new QuietHours(java.time.LocalTime.of(17, 0), java.time.LocalTime.of(9, 0));
        var plans = MessagePlanner.beforeSession(
                session("2026-12-01T20:00:00Z", 1), DENVER, NOW, MessageRules.DEFAULTS, strict);

        assertThat(local(only(plans, MessageKind.PREP_TIPS).dueAt(), DENVER)).isEqualTo("2026-11-30T16:59");
        assertThat(local(only(plans, MessageKind.DAY_OF_REMINDER).dueAt(), DENVER))
                .isEqualTo("2026-12-01T10:00");
    }

    @Test
    void aNewRevisionOfTheSessionIsANewPlan() {
        assertThat(only(before(session("2026-12-01T18:00:00Z", 2), DENVER, NOW), MessageKind.PREP_TIPS)
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
