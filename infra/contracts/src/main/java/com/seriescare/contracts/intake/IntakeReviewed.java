package com.seriescare.contracts.intake;

import com.seriescare.contracts.ClinicEvent;
import java.time.Instant;

/**
 * A clinician reviewed the flagged answers of an intake or a checklist: the front desk's "clinician to review" goes.
 * Who and when, not what was found.
 *
 * @param sessionId the session of a checklist; null for the series' intake
 * @param form {@code intake} or {@code checklist}
 */
public record IntakeReviewed(
        String patientId,
        String seriesId,
        String sessionId,
        String formId,
        String form,
        String reviewedBy,
        Instant reviewedAt)
        implements ClinicEvent {

    @Override
    public String subject() {
        return formId;
    }
}
