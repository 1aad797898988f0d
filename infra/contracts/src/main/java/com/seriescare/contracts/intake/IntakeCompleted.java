package com.seriescare.contracts.intake;

import com.seriescare.contracts.ClinicEvent;
import java.time.Instant;

/** The series' intake questionnaire was completed (by the patient on the form, or by phone with the front desk). */
public record IntakeCompleted(String patientId, String seriesId, Instant completedAt, String completedBy)
        implements ClinicEvent {

    @Override
    public String subject() {
        return seriesId;
    }
}
