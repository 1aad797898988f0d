package com.seriescare.notification.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QuietHoursTest {

    static final ZoneId DENVER = ZoneId.of("America/Denver");
    static final QuietHours QUIET = QuietHours.DEFAULT;

    static Instant denver(String local) {
        return LocalDateTime.parse(local).atZone(DENVER).toInstant();
    }

    @Test
    void quietFromNineInTheEveningToEightInTheMorningInThePatientsZone() {
        assertThat(QUIET.contains(denver("2026-12-01T20:59"), DENVER)).isFalse();
        assertThat(QUIET.contains(denver("2026-12-01T21:00"), DENVER)).isTrue();
        assertThat(QUIET.contains(denver("2026-12-02T02:00"), DENVER)).isTrue();
        assertThat(QUIET.contains(denver("2026-12-02T07:59"), DENVER)).isTrue();
        assertThat(QUIET.contains(denver("2026-12-02T08:00"), DENVER)).isFalse();
        assertThat(QUIET.contains(denver("2026-12-02T02:00"), ZoneId.of("Europe/Madrid")))
                .isFalse(); // 10:00 there
    }

    @Test
    void aTextPlannedInQuietHoursMovesToTheLastMinuteBeforeWhileThatIsAhead() {
        Optional<Instant> due =
                QUIET.adjust(denver("2026-12-01T22:30"), DENVER, denver("2026-12-01T12:00"), Optional.empty());

        assertThat(due).contains(denver("2026-12-01T20:59"));
    }

    @Test
    void otherwiseItMovesToTheFirstMinuteAfter() {
        Optional<Instant> due =
                QUIET.adjust(denver("2026-12-01T23:10"), DENVER, denver("2026-12-01T23:00"), Optional.empty());

        assertThat(due).contains(denver("2026-12-02T08:00"));
    }

    @Test
    void aTextAfterMidnightBelongsToTheNightThatBeganTheEveningBefore() {
        Optional<Instant> due =
                QUIET.adjust(denver("2026-12-02T03:00"), DENVER, denver("2026-12-01T10:00"), Optional.empty());

        assertThat(due).contains(denver("2026-12-01T20:59"));
    }

    @Test
    void aPreVisitTextNeverMovesPastTheSessionStart() {
        Instant sessionStart = denver("2026-12-02T07:30");

        Optional<Instant> due =
                QUIET.adjust(denver("2026-12-02T05:30"), DENVER, denver("2026-12-02T01:00"), Optional.of(sessionStart));

        assertThat(due).isEmpty();
    }

    @Test
    void theMorningAfterTheNovemberClockChangeIsStillEightLocal() {
        Optional<Instant> due =
                QUIET.adjust(denver("2026-11-01T01:30"), DENVER, denver("2026-11-01T01:00"), Optional.empty());

        assertThat(due).contains(Instant.parse("2026-11-01T15:00:00Z")); // 08:00 MST
    }

    @Test
    void clinicsMayConfigureStricterHours() {
        var stricter = new QuietHours(LocalTime.of(20, 0), LocalTime.of(9, 0));

        assertThat(stricter.contains(denver("2026-12-01T20:30"), DENVER)).isTrue();
        assertThat(stricter.firstAllowedAfter(denver("2026-12-01T20:30"), DENVER))
                .isEqualTo(denver("2026-12-02T09:00"));
    }
}
