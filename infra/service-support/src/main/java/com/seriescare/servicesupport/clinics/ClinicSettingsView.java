package com.seriescare.servicesupport.clinics;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.seriescare.contracts.clinic.ClinicSettingsPublished;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

/**
 * A service's own copy of every clinic's settings, kept from {@code clinic.settings} (scheduling-service owns them):
 * the highest version of a clinic's settings wins, so a late or repeated publication changes nothing.
 */
public final class ClinicSettingsView {

    public static final String COLLECTION = "clinic_settings";

    private static final Logger log = LoggerFactory.getLogger(ClinicSettingsView.class);

    /** A clinic's settings as published. */
    record Stored(String id, long version, ClinicSettingsPublished settings) {}

    private final MongoTemplate mongo;

    public ClinicSettingsView(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Keeps the settings unless newer ones are known; returns whether they were taken. */
    public boolean apply(ClinicSettingsPublished settings) {
        try {
            // only an older version (or none) matches; a newer one makes the upsert collide on the id
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

    public Optional<ClinicSettingsPublished> find(String clinicId) {
        return clinicId == null
                ? Optional.empty()
                : Optional.ofNullable(mongo.findById(clinicId, Stored.class, COLLECTION))
                        .map(Stored::settings);
    }

    public List<ClinicSettingsPublished> all() {
        return mongo.findAll(Stored.class, COLLECTION).stream()
                .map(Stored::settings)
                .toList();
    }
}
