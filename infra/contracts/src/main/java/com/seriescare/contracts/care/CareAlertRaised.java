package com.seriescare.contracts.care;

import com.seriescare.contracts.ClinicEvent;
import java.time.Instant;

/**
 * A clinician must look at this patient now.
 *
 * @param reason {@code crisis_language}, {@code low_mood} or {@code safety_answer}
 * @param severity {@code urgent} (act now, e.g. crisis language) or {@code high} (today)
 * @param excerpt what the patient wrote or answered, for the clinician
 */
public record CareAlertRaised(
        String patientId, String alertId, String reason, String severity, String excerpt, Instant raisedAt)
        implements ClinicEvent {

    @Override
    public String subject() {
        return alertId;
    }
}
