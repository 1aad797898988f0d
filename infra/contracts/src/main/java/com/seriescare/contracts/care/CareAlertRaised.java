package com.seriescare.contracts.care;

import com.seriescare.contracts.ClinicEvent;
import java.time.Instant;

/**
 * A clinician must look at this patient now: who, why and how urgently, which is what an integration needs to act
 * on it (page someone, open the chart). What the patient wrote or answered goes to the clinic's inbox alone, as
 * {@link PatientWordsRecorded} about this alertId.
 *
 * @param reason {@code crisis_language}, {@code low_mood}, {@code safety_answer} or {@code answers_to_review} (a form's
 *     answers a clinician must review before the session)
 * @param severity {@code urgent} (act now, e.g. crisis language: the clinic's on-call clinician is paged) or
 *     {@code high} (today)
 * @param clinicId the clinic whose clinicians act on it (for a stranger's text: the clinic it reached); null in alerts
 *     raised before it was added
 */
public record CareAlertRaised(
        String patientId, String alertId, String reason, String severity, Instant raisedAt, String clinicId)
        implements ClinicEvent {

    public CareAlertRaised(String patientId, String alertId, String reason, String severity, Instant raisedAt) {
        this(patientId, alertId, reason, severity, raisedAt, null);
    }

    @Override
    public String subject() {
        return alertId;
    }
}
