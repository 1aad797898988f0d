package com.seriescare.intake.frontdesk;

import com.seriescare.intake.forms.ChecklistAnswers;
import com.seriescare.intake.forms.FormKind;
import com.seriescare.intake.forms.IntakeAnswers;
import com.seriescare.intake.forms.PatientForm;
import java.time.Instant;
import java.util.List;

/**
 * A form as a clinician sees it: every answer, what needs a clinician ({@code flags}) and who reviewed it.
 *
 * @param status requested, overdue, completed, flagged (completed, with answers a clinician must see) or closed
 * @param completedVia {@code form} (the patient, by the link) or {@code phone} (recorded by {@code completedBy})
 * @param reviewedBy the clinician who reviewed the flagged answers; null until one did
 */
record FormView(
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
        List<String> flags,
        IntakeAnswers intakeAnswers,
        ChecklistAnswers checklistAnswers,
        String reviewedBy,
        Instant reviewedAt) {

    static FormView of(PatientForm form, ClinicalReviews.Review review) {
        var done = form.completion();
        return new FormView(
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
                done == null ? List.of() : done.flags(),
                form.intakeAnswers(),
                form.checklistAnswers(),
                review == null ? null : review.reviewedBy(),
                review == null ? null : review.reviewedAt());
    }
}
