package com.seriescare.contracts.intake;

import com.seriescare.contracts.ClinicEvent;
import java.time.Instant;

/**
 * A series' intake questionnaire is waiting for the patient.
 *
 * <p>It carries no link: a form link is a bearer secret and travels on {@code intake.form-links} ({@link
 * FormLinkIssued}), which only notification-service reads.
 *
 * @param dueAt when it should be complete
 */
public record IntakeRequested(String patientId, String seriesId, String intakeId, Instant dueAt, Instant requestedAt)
        implements ClinicEvent {

    @Override
    public String subject() {
        return intakeId;
    }
}
