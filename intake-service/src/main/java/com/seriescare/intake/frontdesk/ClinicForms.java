package com.seriescare.intake.frontdesk;

import com.seriescare.intake.forms.PatientForm;
import com.seriescare.intake.store.PatientForms;
import com.seriescare.intake.store.PatientForms.Snapshot;
import com.seriescare.servicesupport.security.CurrentUser;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The forms of the caller's clinic, for the front desk's and the clinicians' API alike: another clinic's form is as
 * absent as a form that does not exist (404, never a hint that it exists).
 */
@Component
class ClinicForms {

    private final PatientForms forms;
    private final CurrentUser currentUser;

    ClinicForms(PatientForms forms, CurrentUser currentUser) {
        this.forms = forms;
        this.currentUser = currentUser;
    }

    PatientForm intakeOf(String seriesId) {
        return visible(forms.intakeOf(seriesId), "No intake for series '" + seriesId + "'");
    }

    PatientForm checklistOf(String sessionId) {
        return visible(forms.checklistOf(sessionId), "No checklist for session '" + sessionId + "'");
    }

    PatientForm byId(String formId) {
        return visible(forms.byId(formId), "No form '" + formId + "'");
    }

    private PatientForm visible(Optional<Snapshot> found, String notFound) {
        return found.map(Snapshot::form)
                .filter(form -> form.clinicId().equals(currentUser.clinicId()))
                .orElseThrow(() -> new ApiProblems.NotFound(notFound));
    }
}
