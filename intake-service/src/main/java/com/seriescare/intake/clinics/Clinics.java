package com.seriescare.intake.clinics;

import com.seriescare.contracts.clinic.ClinicSettingsPublished;
import com.seriescare.servicesupport.clinics.ClinicSettingsView;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * This service's view of the clinics, kept from {@code clinic.settings} (scheduling-service owns the settings). The
 * highest version of a clinic's settings wins; a late or repeated one changes nothing.
 */
@Component
public class Clinics {

    /** For a clinic whose settings have not arrived: the usual deadlines, and no phone number rather than a wrong one. */
    static final Duration DEFAULT_INTAKE_DUE_BEFORE = Duration.ofHours(72);

    static final Duration DEFAULT_CHECKLIST_DUE_BEFORE = Duration.ofHours(24);

    private static final Logger log = LoggerFactory.getLogger(Clinics.class);

    private final ClinicSettingsView view;

    Clinics(MongoTemplate mongo) {
        this.view = new ClinicSettingsView(mongo);
    }

    /** Keeps the settings unless newer ones are known; returns whether they were taken. */
    public boolean apply(ClinicSettingsPublished settings) {
        return view.apply(settings);
    }

    public Clinic byId(String clinicId) {
        var stored = view.find(clinicId);
        if (stored.isEmpty()) {
            log.warn("No settings of clinic {} yet: the usual deadlines, and no clinic name on its forms", clinicId);
            return new Clinic(
                    clinicId, "your clinic", null, "US", DEFAULT_INTAKE_DUE_BEFORE, DEFAULT_CHECKLIST_DUE_BEFORE);
        }
        var settings = stored.get();
        return new Clinic(
                settings.clinicId(),
                settings.shortName(),
                settings.phone(),
                settings.phoneRegion(),
                Duration.parse(settings.forms().intakeDueBefore()),
                Duration.parse(settings.forms().checklistDueBefore()));
    }
}
