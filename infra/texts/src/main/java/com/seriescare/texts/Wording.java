package com.seriescare.texts;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Words one text from its template. A text is kept within the segment budget where its variables allow: a series too
 * long to list (up to 52 sessions can be booked) is told by its count, first and last session, and a first name with
 * letters outside GSM-7 (Zoë, Nguyễn), which would force UCS-2 and halve what fits, loses those accents only when the
 * text would not fit otherwise.
 */
public final class Wording {

    private static final Locale SPANISH = Locale.forLanguageTag("es-US");

    private Wording() {}

    /** The text in the first form that fits the budget: as given, series summed up, name in GSM-7, both. */
    public static String render(String template, TextValues values, int segmentBudget) {
        TextTemplate words = new TextTemplate(template);
        boolean summable = values.sessionStarts().size() > 1;
        String text = null;
        for (TextValues v : List.of(values, values.withFirstName(SmsSegments.toGsm7(values.firstName())))) {
            for (boolean summed : summable ? List.of(false, true) : List.of(false)) {
                text = words.render(variables(v, summed));
                if (SmsSegments.of(text).segments() <= segmentBudget) {
                    return text;
                }
            }
        }
        return text; // over budget whatever is shortened: sent as is, longer
    }

    private static Map<String, String> variables(TextValues v, boolean summed) {
        Map<String, String> values = new HashMap<>();
        put(values, TextVariable.firstName, v.firstName());
        put(values, TextVariable.clinic, v.clinicName());
        put(values, TextVariable.clinicPhone, v.clinicPhone());
        put(values, TextVariable.coachPhone, v.coachPhone());
        put(values, TextVariable.link, v.link());
        put(values, TextVariable.code, v.code());
        List<Instant> starts = v.sessionStarts();
        if (!starts.isEmpty()) {
            put(values, TextVariable.time, time(starts.getFirst(), v));
            put(values, TextVariable.dateTime, dateAndTime(starts.getFirst(), v));
            put(values, TextVariable.sessions, summed ? summary(starts, v) : listed(starts, v));
        }
        return values;
    }

    private static void put(Map<String, String> values, TextVariable variable, String value) {
        if (value != null) {
            values.put(variable.name(), value);
        }
    }

    private static String listed(List<Instant> starts, TextValues v) {
        return starts.stream().map(start -> dateAndTime(start, v)).collect(Collectors.joining(", "));
    }

    private static String summary(List<Instant> starts, TextValues v) {
        String first = dateAndTime(starts.getFirst(), v);
        String last = dateAndTime(starts.getLast(), v);
        return v.spanish()
                ? "%d en total, del %s al %s".formatted(starts.size(), first, last)
                : "%d in all, the first on %s and the last on %s".formatted(starts.size(), first, last);
    }

    private static String dateAndTime(Instant start, TextValues v) {
        // Spanish dates as d/M: day names like "sáb" would force UCS-2 and halve what fits in a segment
        return format(start, v, "EEE MMM d h:mm a z", "d/M H:mm z");
    }

    private static String time(Instant start, TextValues v) {
        return format(start, v, "h:mm a z", "H:mm z");
    }

    private static String format(Instant instant, TextValues v, String english, String spanish) {
        return DateTimeFormatter.ofPattern(v.spanish() ? spanish : english, v.spanish() ? SPANISH : Locale.US)
                .format(instant.atZone(v.zone()));
    }
}
