package com.seriescare.contracts.intake;

import com.seriescare.contracts.ClinicEvent;
import java.time.Instant;
import java.util.List;

/**
 * Answers on an intake questionnaire or a pre-visit checklist need a clinician before the session.
 *
 * @param sessionId the session of a checklist; null for the series' intake
 * @param form {@code intake} or {@code checklist}
 * @param reasons empty as published now: why is health data, read by clinicians at intake-service's
 *     {@code /api/clinical/flagged}, not by the integrations that read {@code intake.events} (older records may name
 *     {@code medication_change}, {@code high_blood_pressure}, {@code heart_condition}, {@code pregnancy},
 *     {@code psychosis_history}, {@code safety_answer})
 */
public record IntakeFlagged(
        String patientId,
        String seriesId,
        String sessionId,
        String formId,
        String form,
        List<String> reasons,
        Instant flaggedAt)
        implements ClinicEvent {

    public IntakeFlagged {
        reasons = List.copyOf(reasons);
    }

    @Override
    public String subject() {
        return formId;
    }
}
