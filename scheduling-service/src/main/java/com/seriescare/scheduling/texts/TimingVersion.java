package com.seriescare.scheduling.texts;

import com.seriescare.texts.TextTiming;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;

/**
 * One version of a clinic's timing of texts, as stored (times and durations as ISO-8601 text): the offsets and quiet
 * hours, or none when it went back to the default, who made it and when. Versions are only ever added.
 */
public record TimingVersion(
        String id,
        String clinicId,
        long version,
        String prepTipsAt,
        String dayOfReminderBefore,
        String postSessionAfter,
        String checkInAt,
        String midSeriesNoteAt,
        String endOfSeriesAt,
        String quietHoursStart,
        String quietHoursEnd,
        String changedBy,
        Instant changedAt) {

    static TimingVersion of(String clinicId, long version, TextTiming t, String by, Instant at) {
        String id = clinicId + "/timing/" + version;
        if (t == null) {
            return new TimingVersion(id, clinicId, version, null, null, null, null, null, null, null, null, by, at);
        }
        return new TimingVersion(
                id,
                clinicId,
                version,
                t.prepTipsAt().toString(),
                t.dayOfReminderBefore().toString(),
                t.postSessionAfter().toString(),
                t.checkInAt().toString(),
                t.midSeriesNoteAt().toString(),
                t.endOfSeriesAt().toString(),
                t.quietHoursStart().toString(),
                t.quietHoursEnd().toString(),
                by,
                at);
    }

    public boolean isDefault() {
        return prepTipsAt == null;
    }

    /** The timing of this version; null when it is the default. */
    public TextTiming timing() {
        return isDefault()
                ? null
                : new TextTiming(
                        LocalTime.parse(prepTipsAt),
                        Duration.parse(dayOfReminderBefore),
                        Duration.parse(postSessionAfter),
                        LocalTime.parse(checkInAt),
                        LocalTime.parse(midSeriesNoteAt),
                        LocalTime.parse(endOfSeriesAt),
                        LocalTime.parse(quietHoursStart),
                        LocalTime.parse(quietHoursEnd));
    }
}
