package com.seriescare.intake.frontdesk;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.seriescare.intake.forms.ChecklistAnswers;
import com.seriescare.intake.forms.IntakeAnswers;
import com.seriescare.intake.forms.PatientForm;
import java.time.Instant;
import java.util.List;

/**
 * A form as a clinician sees it: every answer, what needs a clinician ({@code flags}) and who reviewed it.
 *
 * @param reviewedBy the clinician who reviewed the flagged answers; null until one did
 */
record FormView(
        @JsonUnwrapped FormProgress progress,
        List<String> flags,
        IntakeAnswers intakeAnswers,
        ChecklistAnswers checklistAnswers,
        String reviewedBy,
        Instant reviewedAt) {

    static FormView of(PatientForm form, ClinicalReviews.Review review) {
        var done = form.completion();
        return new FormView(
                FormProgress.of(form),
                done == null ? List.of() : done.flags(),
                form.intakeAnswers(),
                form.checklistAnswers(),
                review == null ? null : review.reviewedBy(),
                review == null ? null : review.reviewedAt());
    }
}
