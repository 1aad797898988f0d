package com.seriescare.notification.planning;

import java.time.Duration;
import java.time.LocalTime;

/**
 * When each kind of text goes out, relative to a session or to what happened. Configured per clinic
 * ({@code seriescare.message-rules.*}); the defaults follow clinics' patient guides.
 *
 * @param prepTipsAt local time the evening before a session
 * @param dayOfReminderBefore how long before the session the day-of reminder goes out
 * @param postSessionAfter how long after the actual end of a session the aftercare text goes out
 * @param checkInAt local time the day after a session
 * @param midSeriesNoteAt local time the day after sessions 2 to 4
 * @param endOfSeriesAt local time the day after the last session
 */
public record MessageRules(
        LocalTime prepTipsAt,
        Duration dayOfReminderBefore,
        Duration postSessionAfter,
        LocalTime checkInAt,
        LocalTime midSeriesNoteAt,
        LocalTime endOfSeriesAt) {

    public static final MessageRules DEFAULTS = new MessageRules(
            LocalTime.of(18, 0),
            Duration.ofHours(3),
            Duration.ofMinutes(15),
            LocalTime.of(10, 0),
            LocalTime.of(17, 0),
            LocalTime.of(12, 0));
}
