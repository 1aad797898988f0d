package com.seriescare.intake.frontdesk;

import com.seriescare.intake.forms.ChecklistAnswers;
import com.seriescare.intake.forms.FormKind;
import com.seriescare.intake.forms.PatientForm;
import java.time.Instant;

/**
 * A form as the front desk sees it: whether it is in and how, whether a clinician must look before the session (not
 * why: the clinical answers are the clinicians'), and the answers the desk works with (the ride home, the emergency
 * contact).
 *
 * @param status requested, overdue, completed, flagged (completed, with answers a clinician must see) or closed
 * @param completedVia {@code form} (the patient, by the link) or {@code phone} (recorded by {@code completedBy})
 * @param clinicianToReview flagged answers no clinician has reviewed yet
 */
record DeskFormView(
        String formId,
        String kind,
        String patientId,
        String seriesId,
        String sessionId,
        String status,
        Instant dueAt,
        Instant expiresAt,
        Instant requestedAt,
        Instant completedAt,
        String completedBy,
        String completedVia,
        Boolean rideHomeConfirmed,
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
        var done = form.completion();
        var intake = form.intakeAnswers();
        var checklist = form.checklistAnswers();
        return new DeskFormView(
                form.id(),
                form.kind().code(),
                form.patientId(),
                form.seriesId(),
                form.sessionId(),
                form.displayStatus(),
                form.dueAt(),
                form.expiresAt(),
                form.requestedAt(),
                done == null ? null : done.completedAt(),
                done == null ? null : done.completedBy(),
                done == null ? null : done.via(),
                done == null || form.kind() != FormKind.CHECKLIST ? null : done.rideHomeConfirmed(),
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
