package com.seriescare.intake.clinics;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.seriescare.contracts.clinic.ClinicSettingsPublished;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * This service's view of the clinics, kept from {@code clinic.settings} (scheduling-service owns the settings). The
 * highest version of a clinic's settings wins; a late or repeated one changes nothing.
 */
@Component
public class Clinics {

    static final String COLLECTION = "clinic_settings";

    /** For a clinic whose settings have not arrived: the usual deadlines, and no phone number rather than a wrong one. */
    static final Duration DEFAULT_INTAKE_DUE_BEFORE = Duration.ofHours(72);

    static final Duration DEFAULT_CHECKLIST_DUE_BEFORE = Duration.ofHours(24);

    private static final Logger log = LoggerFactory.getLogger(Clinics.class);

    record StoredSettings(String id, long version, ClinicSettingsPublished settings) {}

    private final MongoTemplate mongo;

    Clinics(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Keeps the settings unless newer ones are known; returns whether they were taken. */
    public boolean apply(ClinicSettingsPublished settings) {
        try {
            mongo.upsert(
                    query(where("_id").is(settings.clinicId()).and("version").lt(settings.version())),
                    new Update().set("version", settings.version()).set("settings", settings),
                    COLLECTION);
            log.info("Clinic {}: settings version {} in use", settings.clinicId(), settings.version());
            return true;
        } catch (DuplicateKeyException newerKnown) {
            return false;
        }
    }

    public Clinic byId(String clinicId) {
        StoredSettings stored = clinicId == null ? null : mongo.findById(clinicId, StoredSettings.class, COLLECTION);
        if (stored == null) {
            log.warn("No settings of clinic {} yet: the usual deadlines, and no clinic name on its forms", clinicId);
            return new Clinic(
                    clinicId, "your clinic", null, "US", DEFAULT_INTAKE_DUE_BEFORE, DEFAULT_CHECKLIST_DUE_BEFORE);
        }
        var settings = stored.settings();
        return new Clinic(
                settings.clinicId(),
                settings.shortName(),
                settings.phone(),
                settings.phoneRegion(),
                Duration.parse(settings.forms().intakeDueBefore()),
                Duration.parse(settings.forms().checklistDueBefore()));
    }
}
