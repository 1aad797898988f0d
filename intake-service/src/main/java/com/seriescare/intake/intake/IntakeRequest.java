package com.seriescare.intake.intake;

import java.time.Duration;
import java.time.Instant;

/**
 * The intake questionnaire a patient owes before the first session of a series.
 *
 * @param dueAt when it should be complete: a set time before the first session
 */
public record IntakeRequest(
        String seriesId,
        String patientId,
        Instant firstSessionStart,
        Instant dueAt,
        Status status,
        Instant requestedAt) {

    public enum Status {
        REQUESTED,
        COMPLETED,
        OVERDUE
    }

    /** Intake is due this long before the first session (clinics' guides ask for it days ahead). */
    public static final Duration DUE_BEFORE_FIRST_SESSION = Duration.ofHours(72);

    public static IntakeRequest forSeries(String seriesId, String patientId, Instant firstSessionStart, Instant now) {
        return new IntakeRequest(
                seriesId,
                patientId,
                firstSessionStart,
                firstSessionStart.minus(DUE_BEFORE_FIRST_SESSION),
                Status.REQUESTED,
                now);
    }
}
