package com.seriescare.intake.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PatientFormTest {

    static final Instant NOW = Instant.parse("2026-12-04T18:00:00Z");

    @Test
    void aFormAskedForInGoodTimeIsDueAsTheClinicSetIt() {
        var intake = PatientForm.intake(
                "f1", "p1", "front-range", "s1", NOW.plus(Duration.ofDays(7)), Duration.ofHours(72), NOW);

        assertThat(intake.dueAt()).isEqualTo(NOW.plus(Duration.ofDays(4)));
    }

    @Test
    void aFormAskedForAfterItsUsualDeadlineIsDueHalfwayToTheSessionNotAtOnce() {
        // booked on Friday for Monday: 72 hours before the session had already passed
        Instant monday = NOW.plus(Duration.ofHours(64));
        var intake = PatientForm.intake("f1", "p1", "front-range", "s1", monday, Duration.ofHours(72), NOW);
        var checklist = checklistFor(NOW.plus(Duration.ofHours(10)));

        assertThat(intake.dueAt()).isEqualTo(NOW.plus(Duration.ofHours(32)));
        assertThat(checklist.dueAt()).isEqualTo(NOW.plus(Duration.ofHours(5)));
    }

    @Test
    void aSessionMovedCloserThanItsChecklistDeadlineLeavesHalfTheTimeLeft() {
        var checklist = checklistFor(NOW.plus(Duration.ofDays(7)));

        var moved = checklist.movedTo(NOW.plus(Duration.ofHours(12)), 1, Duration.ofHours(24), NOW);

        assertThat(moved.dueAt()).isEqualTo(NOW.plus(Duration.ofHours(6)));
        assertThat(moved.status()).isEqualTo(FormStatus.REQUESTED);
    }

    @Test
    void aFormForASessionAlreadyBegunKeepsItsUsualDeadline() {
        Instant begun = NOW.minus(Duration.ofMinutes(10));
        var checklist = PatientForm.checklist(
                "f2", "p1", "front-range", "s1", "session-1", begun, 0, Duration.ofHours(24), NOW);

        assertThat(checklist.dueAt()).isEqualTo(begun.minus(Duration.ofHours(24)));
    }

    /** A session's checklist asked for now, due 24 hours before the session as the clinic sets it. */
    private static PatientForm checklistFor(Instant sessionStart) {
        return PatientForm.checklist(
                "f2", "p1", "front-range", "s1", "session-1", sessionStart, 0, Duration.ofHours(24), NOW);
    }
}
