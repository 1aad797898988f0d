package com.seriescare.scheduling.texts;

import com.seriescare.scheduling.clinic.Clinic;
import com.seriescare.scheduling.clinic.ClinicSettingsPublisher;
import com.seriescare.scheduling.clinic.Clinics;
import com.seriescare.scheduling.clinic.ClinicsProperties;
import com.seriescare.scheduling.shared.NotFound;
import com.seriescare.servicesupport.audit.Actors;
import com.seriescare.texts.TemplateReview;
import com.seriescare.texts.TextDefinition;
import com.seriescare.texts.TextTiming;
import com.seriescare.texts.TextValues;
import com.seriescare.texts.Texts;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * A clinic's own words for its texts: each kind in each language has the default wording until a clinic admin saves
 * a template, which is checked first (the text's variables, the clinic's discretion words, its segment budget) and
 * then used by every text sent after it. Every save and every return to the default is a new version with who and when;
 * the clinic's settings are published again with the texts in force, which is how notification-service learns them.
 */
@Service
public class ClinicTexts {

    /** One text of a clinic as it is now, with its preview on the sample patient. */
    public record TextInForce(
            TextDefinition definition, String language, String template, TextVersion version, TemplateReview review) {

        public boolean custom() {
            return version != null && !version.isDefault();
        }
    }

    /** The clinic's timing of texts as it is now, and the default it goes back to. */
    public record TimingInForce(TextTiming timing, TimingVersion version, TextTiming defaults) {

        public boolean custom() {
            return version != null && !version.isDefault();
        }
    }

    private final TextVersions versions;
    private final Clinics clinics;
    private final ClinicsProperties properties;
    private final ClinicSettingsPublisher publisher;
    private final Clock clock;

    ClinicTexts(
            TextVersions versions,
            Clinics clinics,
            ClinicsProperties properties,
            ClinicSettingsPublisher publisher,
            Clock clock) {
        this.versions = versions;
        this.clinics = clinics;
        this.properties = properties;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** Every text a clinic may word, in every language, in the order a series meets them. */
    public List<TextInForce> all(String clinicId) {
        var latest = versions.latestOf(clinicId);
        List<TextInForce> texts = new ArrayList<>();
        for (TextDefinition text : Texts.all()) {
            if (!text.editable()) {
                continue;
            }
            for (String language : Texts.LANGUAGES) {
                texts.add(inForce(clinicId, text, language, latest.get(text.kind() + "/" + language)));
            }
        }
        return texts;
    }

    public TextInForce one(String clinicId, String kind, String language) {
        TextDefinition text = editable(kind, language);
        return inForce(
                clinicId,
                text,
                language,
                versions.latest(clinicId, text.kind(), language).orElse(null));
    }

    public List<TextVersion> history(String clinicId, String kind, String language) {
        TextDefinition text = editable(kind, language);
        return versions.of(clinicId, text.kind(), language).reversed();
    }

    /** What {@code template} would send and whether it may be used, without saving it. */
    public TemplateReview review(String clinicId, String kind, String language, String template) {
        return review(clinicId, editable(kind, language), language, template);
    }

    /** Saves {@code template} as the next version, if it passes the checks; texts sent from now on use it. */
    public TextInForce save(String clinicId, String kind, String language, String template) {
        TextDefinition text = editable(kind, language);
        TemplateReview review = review(clinicId, text, language, template);
        if (!review.accepted()) {
            throw new TemplateRefused(text.kind(), language, review);
        }
        return addVersion(clinicId, text, language, template.strip());
    }

    /** Back to the default wording, as a new version (the history keeps what was there). */
    public TextInForce revert(String clinicId, String kind, String language) {
        return addVersion(clinicId, editable(kind, language), language, null);
    }

    public TimingInForce timing(String clinicId) {
        return timingInForce(clinicId, versions.latestTiming(clinicId).orElse(null));
    }

    public List<TimingVersion> timingHistory(String clinicId) {
        settingsOf(clinicId);
        return versions.timingVersions(clinicId).reversed();
    }

    /** Saves the clinic's timing, if every field is usable; texts planned from now on follow it. */
    public TimingInForce saveTiming(String clinicId, TextTiming timing) {
        var problems = timing.problems();
        if (!problems.isEmpty()) {
            throw new TimingRefused(problems);
        }
        return addTiming(clinicId, timing);
    }

    /** Back to the default timing and the configured quiet hours, as a new version. */
    public TimingInForce revertTiming(String clinicId) {
        return addTiming(clinicId, null);
    }

    private TimingInForce addTiming(String clinicId, TextTiming timing) {
        settingsOf(clinicId);
        long next = versions.latestTiming(clinicId).map(TimingVersion::version).orElse(0L) + 1;
        var version = versions.add(TimingVersion.of(clinicId, next, timing, Actors.current(), clock.instant()));
        publisher.publishCurrent(clinicId);
        return timingInForce(clinicId, version);
    }

    private TimingInForce timingInForce(String clinicId, TimingVersion latest) {
        var texting = settingsOf(clinicId).texting();
        var defaults = TextTiming.DEFAULT.withQuietHours(
                texting.quietHoursStart() == null ? TextTiming.DEFAULT.quietHoursStart() : texting.quietHoursStart(),
                texting.quietHoursEnd() == null ? TextTiming.DEFAULT.quietHoursEnd() : texting.quietHoursEnd());
        var timing = latest == null || latest.isDefault() ? defaults : latest.timing();
        return new TimingInForce(timing, latest, defaults);
    }

    private TextInForce addVersion(String clinicId, TextDefinition text, String language, String template) {
        long next = versions.latest(clinicId, text.kind(), language)
                        .map(TextVersion::version)
                        .orElse(0L)
                + 1;
        var version = versions.add(new TextVersion(
                TextVersion.idOf(clinicId, text.kind(), language, next),
                clinicId,
                text.kind(),
                language,
                next,
                template,
                Actors.current(),
                clock.instant()));
        publisher.publishCurrent(clinicId);
        return inForce(clinicId, text, language, version);
    }

    private TextInForce inForce(String clinicId, TextDefinition text, String language, TextVersion latest) {
        String template = latest == null || latest.isDefault() ? text.defaultIn(language) : latest.template();
        return new TextInForce(text, language, template, latest, review(clinicId, text, language, template));
    }

    /** How many SMS segments a text of the clinic may take. */
    public int segmentBudget(String clinicId) {
        return settingsOf(clinicId).texting().segmentBudget();
    }

    private TemplateReview review(String clinicId, TextDefinition text, String language, String template) {
        var texting = settingsOf(clinicId).texting();
        return TemplateReview.of(
                text, template, texting.discretionWords(), texting.segmentBudget(), samplePatient(clinicId, language));
    }

    /** A patient of the clinic with a series starting next Tuesday at 9:30, in the clinic's zone. */
    private TextValues samplePatient(String clinicId, String language) {
        Clinic clinic = clinics.get(clinicId);
        var settings = settingsOf(clinicId);
        Instant firstSession = clock.instant()
                .atZone(clinic.timeZone())
                .with(TemporalAdjusters.next(DayOfWeek.TUESDAY))
                .with(LocalTime.of(9, 30))
                .toInstant();
        String phone = displayed(clinic.phone());
        String coach = settings.texting().integrationCoachPhone();
        return TextValues.sample(
                language,
                clinic.timeZone(),
                clinic.shortName(),
                phone,
                coach == null || coach.isBlank() ? phone : displayed(coach),
                firstSession);
    }

    private ClinicsProperties.ClinicProperties settingsOf(String clinicId) {
        return properties.clinics().stream()
                .filter(c -> c.id().equals(clinicId))
                .findFirst()
                .orElseThrow(() -> new NotFound("Clinic", clinicId));
    }

    private static TextDefinition editable(String kind, String language) {
        TextDefinition text =
                Texts.definition(kind).filter(TextDefinition::editable).orElseThrow(() -> new NotFound("Text", kind));
        if (!Texts.LANGUAGES.contains(language)) {
            throw new NotFound("Language", language);
        }
        return text;
    }

    private static String displayed(String e164) {
        var phones = com.google.i18n.phonenumbers.PhoneNumberUtil.getInstance();
        try {
            return phones.format(
                    phones.parse(e164, null), com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat.NATIONAL);
        } catch (com.google.i18n.phonenumbers.NumberParseException e) {
            return e164;
        }
    }
}
