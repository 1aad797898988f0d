package com.seriescare.contracts.intake;

import com.seriescare.contracts.ClinicEvent;
import java.time.Instant;

/**
 * A series' intake questionnaire was not complete when it was due. Published once per intake.
 *
 * <p>It carries no link: a form link is a bearer secret and travels on {@code intake.form-links} ({@link
 * FormLinkIssued}), which only notification-service reads.
 */
public record IntakeOverdue(String patientId, String seriesId, String intakeId, Instant dueAt) implements ClinicEvent {

    @Override
    public String subject() {
        return intakeId;
    }
}
