package com.seriescare.texts;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * What one text is worded with; times are shown in {@code zone} (the patient's) with its abbreviation.
 *
 * @param language {@code en} or {@code es}
 * @param clinicName the clinic's short name (never names the treatment)
 * @param clinicPhone the clinic's phone as patients write it
 * @param coachPhone the integration coach's phone as patients write it
 * @param link the patient's form link, for the texts that carry one
 * @param code an urgent care alert's short code, for the on-call page
 * @param sessionStarts the sessions the text names (the first is "the" session of a reminder)
 */
public record TextValues(
        String firstName,
        String language,
        ZoneId zone,
        String clinicName,
        String clinicPhone,
        String coachPhone,
        String link,
        String code,
        List<Instant> sessionStarts) {

    public TextValues {
        sessionStarts = sessionStarts == null ? List.of() : List.copyOf(sessionStarts);
    }

    /**
     * A sample patient of a clinic for previews: a six-session weekly series from {@code firstSession}, and a form link
     * as long as a real one (form id and token), so that what fits the budget in the preview fits when sent.
     */
    public static TextValues sample(
            String language,
            ZoneId zone,
            String clinicName,
            String clinicPhone,
            String coachPhone,
            Instant firstSession) {
        return new TextValues(
                "Jordan",
                language,
                zone,
                clinicName,
                clinicPhone,
                coachPhone,
                SAMPLE_LINK,
                "K7Q2",
                java.util.stream.IntStream.range(0, 6)
                        .mapToObj(week ->
                                firstSession.atZone(zone).plusWeeks(week).toInstant())
                        .toList());
    }

    static final String SAMPLE_LINK =
            "https://forms.example.org/f/6f1c2a9e-4b7d-4c1a-9e2f-3a5b7c9d1e2f/Q2x8kV4wZ7mN1pL5rT9yB3cH6jD0fG2sA8eU4iO7kLm";

    public TextValues withFirstName(String name) {
        return new TextValues(name, language, zone, clinicName, clinicPhone, coachPhone, link, code, sessionStarts);
    }

    public boolean spanish() {
        return "es".equals(language);
    }
}
