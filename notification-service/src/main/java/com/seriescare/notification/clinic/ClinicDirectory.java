package com.seriescare.notification.clinic;

import com.seriescare.contracts.clinic.ClinicSettingsPublished;
import com.seriescare.notification.planning.MessageRules;
import com.seriescare.notification.planning.QuietHours;
import com.seriescare.servicesupport.clinics.ClinicSettingsView;
import com.seriescare.texts.Texts;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * This service's view of every clinic's settings, kept from {@code clinic.settings} (scheduling-service owns them).
 * The highest version of a clinic's settings wins; a late or repeated one changes nothing.
 */
@Component
public class ClinicDirectory {

    private final ClinicSettingsView view;

    /** Each clinic as this service uses it, made once per version of its settings (read for every text). */
    private final Map<String, Clinic> made = new ConcurrentHashMap<>();

    ClinicDirectory(MongoTemplate mongo) {
        this.view = new ClinicSettingsView(mongo);
    }

    /** Keeps the settings unless newer ones are known; returns whether they were taken. */
    public boolean apply(ClinicSettingsPublished settings) {
        return view.apply(settings);
    }

    public Optional<Clinic> find(String clinicId) {
        if (clinicId == null) {
            // a patient recorded before patients had a clinic: a deployment of one clinic knows which
            List<Clinic> all = all();
            return all.size() == 1 ? Optional.of(all.getFirst()) : Optional.empty();
        }
        return view.find(clinicId).map(this::clinicOf);
    }

    public List<Clinic> all() {
        return view.all().stream()
                .map(this::clinicOf)
                .sorted(Comparator.comparing(Clinic::id))
                .toList();
    }
    /**
     * The clinics a patient reaches by texting {@code number}: the clinic whose own number it is, else those that text
     * from the deployment's default sender (which share its number).
     */
    public List<Clinic> textedAt(String number) {
        List<Clinic> all = all();
        List<Clinic> own = all.stream()
                .filter(clinic ->
                        number != null && number.equals(clinic.sender().number()))
                .toList();
        return own.isEmpty()
                ? all.stream()
                        .filter(clinic -> clinic.sender().number() == null)
                        .toList()
                : own;
    }

    private Clinic clinicOf(ClinicSettingsPublished settings) {
        return made.computeIfAbsent(settings.clinicId() + "@" + settings.version(), made -> toClinic(settings));
    }

    private static Clinic toClinic(ClinicSettingsPublished settings) {
        var texting = settings.texting();
        return new Clinic(
                settings.clinicId(),
                settings.version(),
                settings.shortName(),
                settings.phone(),
                texting.integrationCoachPhone(),
                ZoneId.of(settings.timeZone()),
                new Clinic.Sender(texting.smsNumber(), texting.messagingServiceSid(), texting.messagesPerSecond()),
                new QuietHours(LocalTime.parse(texting.quietHoursStart()), LocalTime.parse(texting.quietHoursEnd())),
                settings.onCall().stream()
                        .map(c -> new Clinic.OnCall(c.name(), c.phone()))
                        .toList(),
                texting.segmentBudget() == null ? Texts.DEFAULT_SEGMENT_BUDGET : texting.segmentBudget(),
                settings.texts().stream()
                        .collect(Collectors.toMap(
                                t -> t.kind() + "/" + t.language(),
                                ClinicSettingsPublished.Text::template,
                                (a, b) -> b)),
                rulesOf(settings.timing()));
    }

    private static MessageRules rulesOf(ClinicSettingsPublished.Timing timing) {
        return timing == null
                ? null
                : new MessageRules(
                        LocalTime.parse(timing.prepTipsAt()),
                        Duration.parse(timing.dayOfReminderBefore()),
                        Duration.parse(timing.postSessionAfter()),
                        LocalTime.parse(timing.checkInAt()),
                        LocalTime.parse(timing.midSeriesNoteAt()),
                        LocalTime.parse(timing.endOfSeriesAt()));
    }
}
