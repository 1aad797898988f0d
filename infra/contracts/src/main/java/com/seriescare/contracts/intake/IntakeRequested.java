package com.seriescare.contracts.intake;

import com.seriescare.contracts.ClinicEvent;
import java.time.Instant;

/**
 * A series' intake questionnaire is waiting for the patient.
 *
 * @param link the patient's personal link to the form (its path says nothing about the treatment)
 * @param dueAt when it should be complete
 */
public record IntakeRequested(
        String patientId, String seriesId, String intakeId, String link, Instant dueAt, Instant requestedAt)
        implements ClinicEvent {

    @Override
    public String subject() {
        return intakeId;
    }
}
