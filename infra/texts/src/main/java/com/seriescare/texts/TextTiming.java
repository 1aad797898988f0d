package com.seriescare.texts;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * When a clinic's texts go out, in the patient's zone: what a clinic admin may change besides the words.
 *
 * @param prepTipsAt local time the evening before a session
 * @param dayOfReminderBefore how long before the session the day-of reminder goes out
 * @param postSessionAfter how long after the session ends the aftercare text goes out
 * @param checkInAt local time of the next-day check-in
 * @param midSeriesNoteAt local time of the mid-series note, the day after sessions 2 to 4
 * @param endOfSeriesAt local time of the end-of-series text, the day after the last session
 * @param quietHoursStart no routine text from this local time ...
 * @param quietHoursEnd ... until this one (the crisis answer and pages go out at any hour)
 */
public record TextTiming(
        LocalTime prepTipsAt,
        Duration dayOfReminderBefore,
        Duration postSessionAfter,
        LocalTime checkInAt,
        LocalTime midSeriesNoteAt,
        LocalTime endOfSeriesAt,
        LocalTime quietHoursStart,
        LocalTime quietHoursEnd) {

    /** Clinics' patient guides: tips at 18:00 the evening before, a reminder 3 hours before, quiet 21:00–08:00. */
    public static final TextTiming DEFAULT = new TextTiming(
            LocalTime.of(18, 0),
            Duration.ofHours(3),
            Duration.ofMinutes(15),
            LocalTime.of(10, 0),
            LocalTime.of(17, 0),
            LocalTime.of(12, 0),
            LocalTime.of(21, 0),
            LocalTime.of(8, 0));

    /** The same timing with other quiet hours. */
    public TextTiming withQuietHours(LocalTime start, LocalTime end) {
        return new TextTiming(
                prepTipsAt,
                dayOfReminderBefore,
                postSessionAfter,
                checkInAt,
                midSeriesNoteAt,
                endOfSeriesAt,
                start,
                end);
    }

    /**
     * Why this timing may not be used, field by field; empty when it may. A text timed inside the quiet hours would be
     * moved or dropped every time, so that is refused rather than left to surprise.
     */
    public List<Problem> problems() {
        List<Problem> problems = new ArrayList<>();
        require(problems, "prepTipsAt", prepTipsAt);
        require(problems, "dayOfReminderBefore", dayOfReminderBefore);
        require(problems, "postSessionAfter", postSessionAfter);
        require(problems, "checkInAt", checkInAt);
        require(problems, "midSeriesNoteAt", midSeriesNoteAt);
        require(problems, "endOfSeriesAt", endOfSeriesAt);
        require(problems, "quietHoursStart", quietHoursStart);
        require(problems, "quietHoursEnd", quietHoursEnd);
        if (!problems.isEmpty()) {
            return problems;
        }
        within(problems, "dayOfReminderBefore", dayOfReminderBefore, Duration.ofHours(1), Duration.ofHours(12));
        within(problems, "postSessionAfter", postSessionAfter, Duration.ZERO, Duration.ofHours(6));
        if (quietHoursStart.equals(quietHoursEnd)) {
            problems.add(new Problem("quietHoursEnd", "must differ from the start of the quiet hours"));
        } else {
            quiet(problems, "prepTipsAt", "Preparation tips", prepTipsAt);
            quiet(problems, "checkInAt", "The next-day check-in", checkInAt);
            quiet(problems, "midSeriesNoteAt", "The mid-series note", midSeriesNoteAt);
            quiet(problems, "endOfSeriesAt", "The end-of-series text", endOfSeriesAt);
        }
        return problems;
    }

    /** One refused field and why. */
    public record Problem(String field, String message) {}

    /** Whether {@code time} falls in the quiet hours (which may span midnight). */
    public boolean isQuiet(LocalTime time) {
        return quietHoursStart.isBefore(quietHoursEnd)
                ? !time.isBefore(quietHoursStart) && time.isBefore(quietHoursEnd)
                : !time.isBefore(quietHoursStart) || time.isBefore(quietHoursEnd);
    }

    private void quiet(List<Problem> problems, String field, String what, LocalTime at) {
        if (isQuiet(at)) {
            problems.add(new Problem(
                    field,
                    what + " at " + at + " would fall in the quiet hours (" + quietHoursStart + "–" + quietHoursEnd
                            + ")"));
        }
    }

    private static void require(List<Problem> problems, String field, Object value) {
        if (value == null) {
            problems.add(new Problem(field, "is required"));
        }
    }

    private static void within(List<Problem> problems, String field, Duration value, Duration min, Duration max) {
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            problems.add(new Problem(
                    field, "must be between " + describe(min) + " and " + describe(max) + ", not " + describe(value)));
        }
    }

    private static String describe(Duration d) {
        return d.toMinutes() % 60 == 0 ? d.toHours() + " h" : d.toMinutes() + " min";
    }
}
