package com.seriescare.intake.frontdesk;

import com.seriescare.contracts.intake.FormAnswersViewed;
import com.seriescare.intake.answering.FormAnswering;
import com.seriescare.intake.answering.FormAnswering.ByPhone;
import com.seriescare.intake.forms.PatientForm;
import com.seriescare.intake.store.PatientForms;
import com.seriescare.servicesupport.security.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The front desk's view of a series' intake and of each session's checklist, and "completed by phone". */
@RestController
class FrontDeskApi {

    private final PatientForms forms;
    private final FormAnswering answering;
    private final CurrentUser currentUser;
    private final ClinicalReviews reviews;
    private final ClinicForms clinicForms;
    private final Clock clock;

    FrontDeskApi(
            PatientForms forms,
            FormAnswering answering,
            CurrentUser currentUser,
            ClinicalReviews reviews,
            ClinicForms clinicForms,
            Clock clock) {
        this.clinicForms = clinicForms;
        this.reviews = reviews;
        this.clock = clock;
        this.forms = forms;
        this.answering = answering;
        this.currentUser = currentUser;
    }

    /**
     * The intake as the front desk needs it: whether it is in, and whether a clinician must look (not why: the
     * clinical answers are the clinicians', at {@code /api/clinical/...}); the emergency contact.
     */
    @GetMapping("/api/series/{seriesId}/intake")
    DeskFormView intake(@PathVariable String seriesId) {
        return desk(clinicForms.intakeOf(seriesId));
    }

    /** The checklist as the front desk needs it: the ride home, the meal and water; whether a clinician must look. */
    @GetMapping("/api/sessions/{sessionId}/checklist")
    DeskFormView checklist(@PathVariable String sessionId) {
        return desk(clinicForms.checklistOf(sessionId));
    }

    /** The ride home and the emergency contact are the patient's answers too: each look is in the audit trail. */
    private DeskFormView desk(PatientForm form) {
        forms.recordLook(form, FormAnswersViewed.LOGISTICS, currentUser.username(), clock.instant());
        return DeskFormView.of(form, form.isFlagged() && reviews.of(form.id()).isEmpty());
    }

    @PostMapping("/api/series/{seriesId}/intake/completed-by-phone")
    DeskFormView intakeByPhone(@PathVariable String seriesId) {
        return recorded(
                answering.completeByPhone(
                        forms.intakeOf(seriesId), currentUser.clinicId(), currentUser.username(), false),
                "No intake for series '" + seriesId + "'");
    }

    /** @param rideHomeConfirmed what the patient said about their ride home: the day view shows it */
    record ChecklistByPhone(@NotNull Boolean rideHomeConfirmed) {}

    @PostMapping("/api/sessions/{sessionId}/checklist/completed-by-phone")
    DeskFormView checklistByPhone(@PathVariable String sessionId, @Valid @RequestBody ChecklistByPhone body) {
        return recorded(
                answering.completeByPhone(
                        forms.checklistOf(sessionId),
                        currentUser.clinicId(),
                        currentUser.username(),
                        body.rideHomeConfirmed()),
                "No checklist for session '" + sessionId + "'");
    }

    private DeskFormView recorded(ByPhone outcome, String notFound) {
        return switch (outcome) {
            case ByPhone.Recorded recorded ->
                DeskFormView.of(recorded.form(), recorded.form().isFlagged());
            case ByPhone.NotFound ignored -> throw new ApiProblems.NotFound(notFound);
            case ByPhone.NotOpen notOpen ->
                throw new ApiProblems.Conflict("The " + notOpen.form().kind().code() + " is "
                        + notOpen.form().displayStatus() + " already; nothing was changed");
        };
    }
}
