package com.seriescare.servicesupport.clinics;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.seriescare.contracts.clinic.ClinicSettingsPublished;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

/**
 * A service's own copy of every clinic's settings, kept from {@code clinic.settings} (scheduling-service owns them):
 * the highest version of a clinic's settings wins, so a late or repeated publication changes nothing.
 *
 * <p>Read for every text and form, and changed a few times a year: answered from memory. The copy in memory is read
 * again from the store when this instance takes new settings, and at least every {@link #FRESH} (another replica may
 * have taken them: the consumer group hands each publication to one replica); a clinic it does not know yet is asked
 * of the store again after {@link #RETRY_UNKNOWN}. Profiling a booking burst found one store read of a clinic's
 * settings per text planned, a seventh of notification-service's CPU.
 */
public final class ClinicSettingsView {

    public static final String COLLECTION = "clinic_settings";

    private static final Logger log = LoggerFactory.getLogger(ClinicSettingsView.class);

    /** A clinic's settings as published. */
    record Stored(String id, long version, ClinicSettingsPublished settings) {}

    static final Duration FRESH = Duration.ofSeconds(5);
    static final Duration RETRY_UNKNOWN = Duration.ofMillis(250);

    /** Every clinic's settings as last read, and when (System.nanoTime: real time, whatever a test's clock says). */
    private record Snapshot(Map<String, ClinicSettingsPublished> byId, long readAt) {

        boolean olderThan(Duration age) {
            return System.nanoTime() - readAt > age.toNanos();
        }
    }

    private final MongoTemplate mongo;
    private volatile Snapshot snapshot;
    /** Counts the settings this instance took: a read begun before one of them is not kept. */
    private final AtomicLong taken = new AtomicLong();

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
            taken.incrementAndGet();
            snapshot = null;
            return true;
        } catch (DuplicateKeyException newerKnown) {
            return false;
        }
    }

    public Optional<ClinicSettingsPublished> find(String clinicId) {
        if (clinicId == null) {
            return Optional.empty();
        }
        Snapshot known = current();
        if (!known.byId().containsKey(clinicId) && known.olderThan(RETRY_UNKNOWN)) {
            known = read();
        }
        return Optional.ofNullable(known.byId().get(clinicId));
    }

    public List<ClinicSettingsPublished> all() {
        return List.copyOf(current().byId().values());
    }

    private Snapshot current() {
        Snapshot known = snapshot;
        return known == null || known.olderThan(FRESH) ? read() : known;
    }

    private Snapshot read() {
        long before = taken.get();
        Map<String, ClinicSettingsPublished> byId = new TreeMap<>();
        mongo.findAll(Stored.class, COLLECTION).forEach(stored -> byId.put(stored.id(), stored.settings()));
        Snapshot read = new Snapshot(Collections.unmodifiableMap(byId), System.nanoTime());
        if (taken.get() == before) {
            snapshot = read;
        }
        return read;
    }
}
