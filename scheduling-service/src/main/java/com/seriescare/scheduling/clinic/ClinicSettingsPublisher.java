package com.seriescare.scheduling.clinic;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.seriescare.scheduling.outbox.OutboxCollections;
import com.seriescare.servicesupport.audit.Actors;
import com.seriescare.servicesupport.outbox.Outbox;
import com.seriescare.servicesupport.outbox.PendingEvent;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Publishes each clinic's settings on {@code clinic.settings} when they differ from what was published last (on the
 * first start, after a configuration change, and when a clinic admin rewords a text), through the outbox like every event: the settings, their version and
 * the event are written in one document, and the relay publishes it. Replicas starting together publish a version
 * once: the write is conditional on the version read.
 */
@Component
public class ClinicSettingsPublisher implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ClinicSettingsPublisher.class);

    /**
     * One document per clinic: the settings last published, their version, and the outbox.
     *
     * @param fingerprint what the settings were, compared as written (a store round trip may change their types)
     */
    record PublishedSettings(
            String id, long version, String fingerprint, ClinicSettings settings, List<PendingEvent> outbox) {}

    private final ClinicsProperties properties;
    private final MongoTemplate mongo;
    private final Outbox outbox;
    private final Clock clock;
    private final ClinicTextsInForce texts;

    ClinicSettingsPublisher(
            ClinicsProperties properties, MongoTemplate mongo, Outbox outbox, Clock clock, ClinicTextsInForce texts) {
        this.properties = properties;
        this.mongo = mongo;
        this.outbox = outbox;
        this.clock = clock;
        this.texts = texts;
    }

    @Override
    public void run(ApplicationArguments args) {
        Actors.as(Actors.SYSTEM, () -> {
            properties.clinics().forEach(clinic -> publishCurrent(clinic.id()));
            return null;
        });
    }

    /**
     * Publishes the clinic's settings as they are now, if they changed. A writer that loses the race for the next
     * version (another replica, another admin's edit) reads again and tries once more, so the last change is never
     * left unpublished.
     */
    public void publishCurrent(String clinicId) {
        var clinic = properties.clinics().stream()
                .filter(c -> c.id().equals(clinicId))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No clinic '" + clinicId + "' is configured"));
        for (int attempt = 0; attempt < 5; attempt++) {
            var settings = clinic.toSettings()
                    .withTexts(texts.of(clinicId))
                    .withTiming(texts.timingOf(clinicId).orElse(null));
            if (publishIfChanged(settings) != Outcome.RACED) {
                return;
            }
        }
        throw new IllegalStateException("Clinic " + clinicId + ": settings kept changing while being published");
    }

    enum Outcome {
        UNCHANGED,
        PUBLISHED,
        /** another writer took the next version first: read again */
        RACED
    }

    Outcome publishIfChanged(ClinicSettings settings) {
        var last = mongo.findById(settings.clinicId(), PublishedSettings.class, OutboxCollections.CLINIC_SETTINGS);
        if (last != null && settings.toString().equals(last.fingerprint())) {
            return Outcome.UNCHANGED;
        }
        long version = last == null ? 1 : last.version() + 1;
        var event = settings.published(version, clock.instant());
        var unchangedSinceRead = last == null
                ? query(where("_id").is(settings.clinicId()).and("version").exists(false))
                : query(where("_id").is(settings.clinicId()).and("version").is(last.version()));
        try {
            var written = mongo.findAndModify(
                    unchangedSinceRead,
                    new Update()
                            .set("version", version)
                            .set("fingerprint", settings.toString())
                            .set("settings", settings)
                            .push("outbox")
                            .each(outbox.entriesFor(List.of(event)).toArray()),
                    FindAndModifyOptions.options().upsert(true).returnNew(true),
                    PublishedSettings.class,
                    OutboxCollections.CLINIC_SETTINGS);
            log.info("Clinic {}: settings version {} to publish", settings.clinicId(), written.version());
            return Outcome.PUBLISHED;
        } catch (DuplicateKeyException anotherWriterWasFirst) {
            return Outcome.RACED;
        }
    }
}
