package com.seriescare.intake.frontdesk;

import com.seriescare.intake.answering.FormAnswering;
import com.seriescare.intake.answering.FormAnswering.ByPhone;
import com.seriescare.intake.forms.ChecklistAnswers;
import com.seriescare.intake.forms.IntakeAnswers;
import com.seriescare.intake.forms.PatientForm;
import com.seriescare.intake.store.PatientForms;
import com.seriescare.intake.store.PatientForms.Snapshot;
import com.seriescare.servicesupport.audit.AuditTrail;
import com.seriescare.servicesupport.security.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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

    private final AuditTrail audit;

    FrontDeskApi(PatientForms forms, FormAnswering answering, CurrentUser currentUser, AuditTrail audit) {
        this.audit = audit;
        this.forms = forms;
        this.answering = answering;
        this.currentUser = currentUser;
    }

    @GetMapping("/api/series/{seriesId}/intake")
    FormView intake(@PathVariable String seriesId) {
        return viewed(visible(forms.intakeOf(seriesId), "No intake for series '" + seriesId + "'"));
    }

    @GetMapping("/api/sessions/{sessionId}/checklist")
    FormView checklist(@PathVariable String sessionId) {
        return viewed(visible(forms.checklistOf(sessionId), "No checklist for session '" + sessionId + "'"));
    }

    /** Answers are health information: each look at them is in the audit trail, with who looked. */
    private FormView viewed(PatientForm form) {
        audit.recordView(form.patientId(), form.kind().code() + " answers", form.id());
        return FormView.of(form);
    }

    @PostMapping("/api/series/{seriesId}/intake/completed-by-phone")
    FormView intakeByPhone(@PathVariable String seriesId) {
        return recorded(
                answering.completeByPhone(
                        forms.intakeOf(seriesId), currentUser.clinicId(), currentUser.username(), false),
                "No intake for series '" + seriesId + "'");
    }

    /** @param rideHomeConfirmed what the patient said about their ride home: the day view shows it */
    record ChecklistByPhone(@NotNull Boolean rideHomeConfirmed) {}

    @PostMapping("/api/sessions/{sessionId}/checklist/completed-by-phone")
    FormView checklistByPhone(@PathVariable String sessionId, @Valid @RequestBody ChecklistByPhone body) {
        return recorded(
                answering.completeByPhone(
                        forms.checklistOf(sessionId),
                        currentUser.clinicId(),
                        currentUser.username(),
                        body.rideHomeConfirmed()),
                "No checklist for session '" + sessionId + "'");
    }

    /** Another clinic's form is as absent as a form that does not exist. */
    private PatientForm visible(Optional<Snapshot> found, String notFound) {
        return found.map(Snapshot::form)
                .filter(form -> form.clinicId().equals(currentUser.clinicId()))
                .orElseThrow(() -> new ApiProblems.NotFound(notFound));
    }

    private static FormView recorded(ByPhone outcome, String notFound) {
        return switch (outcome) {
            case ByPhone.Recorded recorded -> FormView.of(recorded.form());
            case ByPhone.NotFound ignored -> throw new ApiProblems.NotFound(notFound);
            case ByPhone.NotOpen notOpen ->
                throw new ApiProblems.Conflict("The " + notOpen.form().kind().code() + " is "
                        + notOpen.form().displayStatus() + " already; nothing was changed");
        };
    }

    /**
     * A form as the front desk sees it.
     *
     * @param status requested, overdue, completed, flagged (completed, with answers a clinician must see) or closed
     * @param completedVia {@code form} (the patient, by the link) or {@code phone} (recorded by {@code completedBy})
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
            ChecklistAnswers checklistAnswers) {

        static FormView of(PatientForm form) {
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
                    done == null || form.kind() != com.seriescare.intake.forms.FormKind.CHECKLIST
                            ? null
                            : done.rideHomeConfirmed(),
                    done == null ? List.of() : done.flags(),
                    form.intakeAnswers(),
                    form.checklistAnswers());
        }
    }
}
