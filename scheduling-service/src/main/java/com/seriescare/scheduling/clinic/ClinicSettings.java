package com.seriescare.scheduling.clinic;

import com.seriescare.contracts.clinic.ClinicSettingsPublished;
import com.seriescare.texts.TextTiming;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;

/**
 * What the other services need of a clinic to speak as it: scheduling-service owns these settings and publishes them
 * ({@link #published}) whenever they change.
 */
public record ClinicSettings(
        String clinicId,
        String name,
        String shortName,
        String timeZone,
        String phone,
        String phoneRegion,
        String address,
        Texting texting,
        List<OnCall> onCall,
        Duration intakeDueBefore,
        Duration checklistDueBefore,
        List<Text> texts,
        Timing timing,
        List<Closure> closures) {

    public ClinicSettings {
        texts = texts == null ? List.of() : List.copyOf(texts);
        closures = closures == null ? List.of() : List.copyOf(closures);
    }

    public record Texting(
            String smsNumber,
            String messagingServiceSid,
            String integrationCoachPhone,
            LocalTime quietHoursStart,
            LocalTime quietHoursEnd,
            int segmentBudget,
            Double messagesPerSecond) {}

    public record OnCall(String name, String phone) {}

    /** A text the clinic words itself, in the version in force (a kind and language not listed use the default). */
    public record Text(String kind, String language, String template, long version) {}

    /** The clinic's own timing of texts, in its {@code version}; its quiet hours replace the configured ones. */
    public record Timing(TextTiming timing, long version) {}

    /** The same settings with the clinic's own texts as they are now. */
    public ClinicSettings withTexts(List<Text> inForce) {
        return new ClinicSettings(
                clinicId,
                name,
                shortName,
                timeZone,
                phone,
                phoneRegion,
                address,
                texting,
                onCall,
                intakeDueBefore,
                checklistDueBefore,
                inForce,
                timing,
                closures);
    }

    /** The same settings with the clinic's own timing, if an admin set one; else the configured quiet hours. */
    public ClinicSettings withTiming(Timing edited) {
        var quiet = edited == null
                ? texting
                : new Texting(
                        texting.smsNumber(),
                        texting.messagingServiceSid(),
                        texting.integrationCoachPhone(),
                        edited.timing().quietHoursStart(),
                        edited.timing().quietHoursEnd(),
                        texting.segmentBudget(),
                        texting.messagesPerSecond());
        return new ClinicSettings(
                clinicId,
                name,
                shortName,
                timeZone,
                phone,
                phoneRegion,
                address,
                quiet,
                onCall,
                intakeDueBefore,
                checklistDueBefore,
                texts,
                edited,
                closures);
    }

    /** These settings as the event of their {@code version}. */
    public ClinicSettingsPublished published(long version, Instant at) {
        return new ClinicSettingsPublished(
                clinicId,
                version,
                name,
                shortName,
                timeZone,
                phone,
                phoneRegion,
                address,
                new ClinicSettingsPublished.Texting(
                        texting.smsNumber(),
                        texting.messagingServiceSid(),
                        texting.integrationCoachPhone(),
                        texting.quietHoursStart().toString(),
                        texting.quietHoursEnd().toString(),
                        texting.segmentBudget(),
                        texting.messagesPerSecond()),
                onCall.stream()
                        .map(c -> new ClinicSettingsPublished.OnCallClinician(c.name(), c.phone()))
                        .toList(),
                new ClinicSettingsPublished.Forms(intakeDueBefore.toString(), checklistDueBefore.toString()),
                texts.stream()
                        .map(t -> new ClinicSettingsPublished.Text(t.kind(), t.language(), t.template(), t.version()))
                        .toList(),
                timing == null
                        ? null
                        : new ClinicSettingsPublished.Timing(
                                timing.timing().prepTipsAt().toString(),
                                timing.timing().dayOfReminderBefore().toString(),
                                timing.timing().postSessionAfter().toString(),
                                timing.timing().checkInAt().toString(),
                                timing.timing().midSeriesNoteAt().toString(),
                                timing.timing().endOfSeriesAt().toString(),
                                timing.version()),
                closures.stream()
                        .map(c -> new ClinicSettingsPublished.Closure(c.from().toString(), c.to().toString(), c.name()))
                        .toList(),
                at);
    }
}
