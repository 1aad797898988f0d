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

    /**
     * The id of the care alert ({@code answers_to_review}) that asked a clinician to review a form: one per form, so
     * that a review made anywhere (the alert handled, or the form marked reviewed in intake's API) closes that alert.
     */
    public static String reviewAlertIdOf(String formId) {
        return "review-" + formId;
    }

    /** The id of the care alert that asked for this review. */
    public String reviewAlertId() {
        return reviewAlertIdOf(formId);
    }
}
