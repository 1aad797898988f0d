package com.seriescare.contracts.care;

import com.seriescare.contracts.ClinicEvent;
import java.time.Instant;

/**
 * A clinician dealt with a care alert (called the patient, reviewed the answers): it leaves the open alerts.
 * Published by scheduling-service when a clinician marks it handled in the web app; intake-service takes the handling
 * of an {@code answers_to_review} alert as the review of the form's answers.
 *
 * @param handledBy the web app user
 */
public record CareAlertHandled(String patientId, String alertId, String clinicId, String handledBy, Instant handledAt)
        implements ClinicEvent {

    @Override
    public String subject() {
        return alertId;
    }
}
