package com.seriescare.notification.planning;

import static org.assertj.core.api.Assertions.assertThat;

import com.seriescare.notification.planning.TextSpacing.Decision;
import com.seriescare.notification.planning.TextSpacing.Neighbour;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TextSpacingTest {

    static final ZoneId DENVER = ZoneId.of("America/Denver");
    static final TextSpacing spacing = TextSpacing.DEFAULT;

    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(DENVER).toInstant();
    }

    static Decision decide(MessageKind kind, String now, List<Neighbour> sent, List<Neighbour> planned) {
        return spacing.decide(kind, at(now), DENVER, sent, planned, Optional.empty(), QuietHours.DEFAULT);
    }

    @Test
    void whatAnswersSomethingThatJustHappenedIsNeverHeldBack() {
        var sent = List.of(
                new Neighbour(MessageKind.NEXT_DAY_CHECK_IN, at("2026-12-01T10:00")),
                new Neighbour(MessageKind.MID_SERIES_NOTE, at("2026-12-01T10:30")));

        for (MessageKind kind : List.of(
                MessageKind.BOOKING_CONFIRMATION,
                MessageKind.SESSION_MOVED,
                MessageKind.SESSION_CANCELLED,
                MessageKind.INTAKE_LINK,
                MessageKind.POST_SESSION)) {
            assertThat(decide(kind, "2026-12-01T10:45", sent, List.of())).isInstanceOf(Decision.Send.class);
        }
    }

    @Test
    void aftercareIsNeverHeldBackEvenOnADayAlreadyFull() {
        // an 11:00 session: reminder at 08:00, the next session's checklist link at 11:00, the session ends 12:30
        var sent = List.of(
                new Neighbour(MessageKind.DAY_OF_REMINDER, at("2026-12-07T08:00")),
                new Neighbour(MessageKind.CHECKLIST_LINK, at("2026-12-07T11:00")));

        assertThat(decide(MessageKind.POST_SESSION, "2026-12-07T12:45", sent, List.of()))
                .isInstanceOf(Decision.Send.class);
    }

    @Test
    void aTextTwoHoursAfterTheLastGoesOutAndOneSoonerWaitsOnItsDay() {
        var postSession = List.of(new Neighbour(MessageKind.POST_SESSION, at("2026-12-01T17:00")));

        assertThat(decide(MessageKind.PREP_TIPS, "2026-12-01T19:00", postSession, List.of()))
                .isInstanceOf(Decision.Send.class);
        assertThat(decide(MessageKind.PREP_TIPS, "2026-12-01T18:00", postSession, List.of()))
                .isEqualTo(new Decision.Wait(
                        at("2026-12-01T19:00"), "held to keep two hours between the patient's texts"));
    }

    @Test
    void aLesserTextYieldsToAGreaterOneLaterThatDay() {
        // an overdue checklist at 08:00 and the prep tips at 18:00: the 10:00 check-in would be the third text
        var sent = List.of(new Neighbour(MessageKind.CHECKLIST_OVERDUE, at("2026-12-01T08:00")));
        var planned = List.of(new Neighbour(MessageKind.PREP_TIPS, at("2026-12-01T18:00")));

        assertThat(decide(MessageKind.NEXT_DAY_CHECK_IN, "2026-12-01T10:00", sent, planned))
                .isInstanceOf(Decision.Drop.class); // "how are you feeling today" cannot move to tomorrow
        assertThat(decide(MessageKind.PREP_TIPS, "2026-12-01T18:00", sent, List.of()))
                .isInstanceOf(Decision.Send.class);
    }

    @Test
    void aNoteWithoutADayInItsWordsMovesToTheNextMorningWhenTheDayIsFull() {
        var sent = List.of(
                new Neighbour(MessageKind.POST_SESSION, at("2026-12-01T10:45")),
                new Neighbour(MessageKind.PREP_TIPS, at("2026-12-01T13:00")));

        assertThat(decide(MessageKind.MID_SERIES_NOTE, "2026-12-01T17:00", sent, List.of()))
                .isEqualTo(new Decision.Wait(
                        at("2026-12-02T08:00"),
                        "moved to the next morning: the patient has had 2 text(s) today and 0 more important one(s)"
                                + " are due"));
    }

    @Test
    void aLinkComingJustBeforeAGreaterTextWaitsUntilTwoHoursAfterIt() {
        var planned = List.of(new Neighbour(MessageKind.PREP_TIPS, at("2026-12-01T18:00")));

        assertThat(decide(MessageKind.CHECKLIST_LINK, "2026-12-01T16:30", List.of(), planned))
                .isEqualTo(new Decision.Wait(
                        at("2026-12-01T20:00"), "held to keep two hours between the patient's texts"));
    }

    @Test
    void aTextThatMustArriveBeforeItsSessionIsDroppedRatherThanSentLate() {
        var sent = List.of(new Neighbour(MessageKind.CHECKLIST_OVERDUE, at("2026-12-01T08:00")));

        var decision = spacing.decide(
                MessageKind.DAY_OF_REMINDER,
                at("2026-12-01T09:00"),
                DENVER,
                sent,
                List.of(),
                Optional.of(at("2026-12-01T09:45")),
                QuietHours.DEFAULT);

        assertThat(decision).isInstanceOf(Decision.Drop.class);
    }
}
