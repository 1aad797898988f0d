package com.seriescare.scheduling.texts;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.seriescare.scheduling.clinic.ClinicSettings;
import com.seriescare.scheduling.clinic.ClinicTextsInForce;
import com.seriescare.scheduling.shared.ConcurrentChange;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Every version of every clinic's texts, append-only. A version's id names its clinic, kind, language and number, so
 * two admins saving the same text at once cannot both take the next number: the second is told it changed meanwhile.
 */
@Component
class TextVersions implements ClinicTextsInForce {

    static final String COLLECTION = "clinic_texts";
    static final String TIMING = "clinic_timing";

    private final MongoTemplate mongo;

    TextVersions(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Every version of the clinic's texts, oldest first. */
    List<TextVersion> of(String clinicId, String kind, String language) {
        return mongo.find(
                query(where("clinicId")
                                .is(clinicId)
                                .and("kind")
                                .is(kind)
                                .and("language")
                                .is(language))
                        .with(Sort.by("version")),
                TextVersion.class,
                COLLECTION);
    }

    Optional<TextVersion> latest(String clinicId, String kind, String language) {
        var versions = of(clinicId, kind, language);
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.getLast());
    }

    /** The latest version of each of the clinic's texts, by kind and language. */
    Map<String, TextVersion> latestOf(String clinicId) {
        Map<String, TextVersion> latest = new LinkedHashMap<>();
        mongo.find(query(where("clinicId").is(clinicId)), TextVersion.class, COLLECTION).stream()
                .sorted(Comparator.comparingLong(TextVersion::version))
                .forEach(v -> latest.put(v.kind() + "/" + v.language(), v));
        return latest;
    }

    /** Adds a version; refused when someone else added one of that number first. */
    TextVersion add(TextVersion version) {
        try {
            return mongo.insert(version, COLLECTION);
        } catch (DuplicateKeyException someoneElseSavedFirst) {
            throw new ConcurrentChange("Text", version.kind() + "/" + version.language());
        }
    }

    /** Every version of the clinic's timing, oldest first. */
    List<TimingVersion> timingVersions(String clinicId) {
        return mongo.find(query(where("clinicId").is(clinicId)).with(Sort.by("version")), TimingVersion.class, TIMING);
    }

    Optional<TimingVersion> latestTiming(String clinicId) {
        var versions = timingVersions(clinicId);
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.getLast());
    }

    TimingVersion add(TimingVersion version) {
        try {
            return mongo.insert(version, TIMING);
        } catch (DuplicateKeyException someoneElseSavedFirst) {
            throw new ConcurrentChange("Timing of clinic", version.clinicId());
        }
    }

    @Override
    public Optional<ClinicSettings.Timing> timingOf(String clinicId) {
        return latestTiming(clinicId)
                .filter(v -> !v.isDefault())
                .map(v -> new ClinicSettings.Timing(v.timing(), v.version()));
    }

    @Override
    public List<ClinicSettings.Text> of(String clinicId) {
        return latestOf(clinicId).values().stream()
                .filter(v -> !v.isDefault())
                .map(v -> new ClinicSettings.Text(v.kind(), v.language(), v.template(), v.version()))
                .toList();
    }
}
