package com.seriescare.intake.frontdesk;

import com.seriescare.contracts.intake.FormAnswersViewed;
import com.seriescare.intake.forms.PatientForm;
import com.seriescare.intake.store.PatientForms;
import com.seriescare.servicesupport.security.CurrentUser;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The clinicians' view of the forms (role {@code CLINICIAN}): every answer, the flagged forms of their clinic still to
 * review, and "reviewed". Each look at answers is in the audit trail with who looked.
 */
@RestController
class ClinicalApi {

    private final PatientForms forms;
    private final ClinicalReviews reviews;
    private final ClinicForms clinicForms;
    private final CurrentUser currentUser;
    private final Clock clock;

    ClinicalApi(
            PatientForms forms,
            ClinicalReviews reviews,
            ClinicForms clinicForms,
            CurrentUser currentUser,
            Clock clock) {
        this.forms = forms;
        this.reviews = reviews;
        this.clinicForms = clinicForms;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** The clinic's flagged forms no clinician has reviewed yet, the soonest due first. */
    @GetMapping("/api/clinical/flagged")
    List<FormView> flagged() {
        return forms.completedOf(currentUser.clinicId()).stream()
                .filter(PatientForm::isFlagged)
                .filter(form -> reviews.of(form.id()).isEmpty())
                .sorted(Comparator.comparing(PatientForm::dueAt))
                .map(this::viewed)
                .toList();
    }

    @GetMapping("/api/clinical/series/{seriesId}/intake")
    FormView intake(@PathVariable String seriesId) {
        return viewed(clinicForms.intakeOf(seriesId));
    }

    @GetMapping("/api/clinical/sessions/{sessionId}/checklist")
    FormView checklist(@PathVariable String sessionId) {
        return viewed(clinicForms.checklistOf(sessionId));
    }

    /** The flagged answers were reviewed: the front desk's "clinician to review" goes; the first review stands. */
    @PostMapping("/api/clinical/forms/{formId}/reviewed")
    FormView reviewed(@PathVariable String formId) {
        PatientForm form = clinicForms.byId(formId);
        if (!form.isFlagged()) {
            throw new ApiProblems.Conflict(
                    "The " + form.kind().code() + " has no answers flagged for a clinician; nothing to review");
        }
        var review = reviews.record(form, currentUser.username(), clock.instant());
        return FormView.of(form, review);
    }

    /** Answers are health information: each look at them is in the audit trail, with who looked. */
    private FormView viewed(PatientForm form) {
        forms.recordLook(form, FormAnswersViewed.ALL, currentUser.username(), clock.instant());
        return FormView.of(form, reviews.of(form.id()).orElse(null));
    }
}
