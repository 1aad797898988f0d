package com.seriescare.intake.events;

import com.seriescare.contracts.ClinicEvent;
import com.seriescare.contracts.care.CareAlertHandled;
import com.seriescare.intake.forms.Flags;
import com.seriescare.intake.forms.PatientForm;
import com.seriescare.intake.frontdesk.ClinicalReviews;
import com.seriescare.intake.store.PatientForms;
import com.seriescare.servicesupport.audit.Actors;
import org.springframework.stereotype.Component;

/**
 * Care alerts as they come back from the clinic: a clinician who handled the alert asking to review a form's answers
 * (in the web app's care alerts) has reviewed them.
 */
@Component
class CareAlertEvents {

    private final PatientForms forms;
    private final ClinicalReviews reviews;

    CareAlertEvents(PatientForms forms, ClinicalReviews reviews) {
        this.forms = forms;
        this.reviews = reviews;
    }

    void on(ClinicEvent event) {
        if (event instanceof CareAlertHandled handled) {
            Flags.formOfReviewAlert(handled.alertId())
                    .flatMap(forms::byId)
                    .map(PatientForms.Snapshot::form)
                    .filter(PatientForm::isFlagged)
                    .ifPresent(form -> Actors.as(handled.handledBy(), () -> {
                        reviews.record(form, handled.handledBy(), handled.handledAt());
                    }));
        }
    }
}
