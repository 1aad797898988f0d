package com.seriescare.intake.frontdesk;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.seriescare.intake.forms.ChecklistAnswers;
import com.seriescare.intake.forms.PatientForm;

/**
 * A form as the front desk sees it: whether it is in and how, whether a clinician must look before the session (not
 * why: the clinical answers are the clinicians'), and the answers the desk works with (the ride home, the emergency
 * contact).
 *
 * @param clinicianToReview flagged answers no clinician has reviewed yet
 */
record DeskFormView(
        @JsonUnwrapped FormProgress progress,
        boolean clinicianToReview,
        IntakeLogistics intakeAnswers,
        ChecklistLogistics checklistAnswers) {

    /** Whom to call in an emergency. */
    record IntakeLogistics(String emergencyContactName, String emergencyContactPhone) {}

    /** How the patient gets home, and whether they ate light and drank water. */
    record ChecklistLogistics(
            ChecklistAnswers.RideHome rideHome,
            String driverName,
            String driverPhone,
            boolean lightMeal,
            boolean hydrate) {}

    static DeskFormView of(PatientForm form, boolean clinicianToReview) {
        var intake = form.intakeAnswers();
        var checklist = form.checklistAnswers();
        return new DeskFormView(
                FormProgress.of(form),
                clinicianToReview,
                intake == null
                        ? null
                        : new IntakeLogistics(intake.emergencyContactName(), intake.emergencyContactPhone()),
                checklist == null
                        ? null
                        : new ChecklistLogistics(
                                checklist.rideHome(),
                                checklist.driverName(),
                                checklist.driverPhone(),
                                checklist.lightMeal(),
                                checklist.hydrate()));
    }
}
