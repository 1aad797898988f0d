package com.seriescare.contracts.intake;

import com.seriescare.contracts.ClinicEvent;
import java.time.Instant;

/** A series' intake questionnaire was not complete when it was due. Published once per intake. */
public record IntakeOverdue(String patientId, String seriesId, String intakeId, String link, Instant dueAt)
        implements ClinicEvent {

    @Override
    public String subject() {
        return intakeId;
    }
}
