package com.seriescare.notification.planning;

import static org.assertj.core.api.Assertions.assertThat;

import com.seriescare.texts.SmsSegments;
import com.seriescare.texts.TextValues;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class MessageTextTest {

    /** Words a text must never contain: an SMS may be read by someone else. */
    static final List<String> INDISCREET = List.of(
            "ketamine",
            "ketamina",
            "esketamine",
            "spravato",
            "infusion",
            "infusión",
            "infusion",
            "depress",
            "anxiety",
            "ansiedad",
            "ptsd",
            "trauma",
            "psychiatr",
            "psiquiatr",
            "mental",
            "suicid",
            "therapy",
            "terapia",
            "treatment",
            "tratamiento",
            "drug",
            "droga",
            "medication",
            "medicamento",
            "dose",
            "dosis");

    static final List<Instant> SIX_SESSIONS = List.of(
            Instant.parse("2026-10-29T15:00:00Z"),
            Instant.parse("2026-11-02T16:00:00Z"),
            Instant.parse("2026-11-05T16:00:00Z"),
            Instant.parse("2026-11-09T16:00:00Z"),
            Instant.parse("2026-11-12T16:00:00Z"),
            Instant.parse("2026-11-16T16:00:00Z"));

    @ParameterizedTest
    @ValueSource(strings = {"en", "es"})
    void noTextNamesTheDrugTheTreatmentOrADiagnosis(String language) {
        for (MessageKind kind : MessageKind.values()) {
            String text = render(kind, language).toLowerCase(Locale.ROOT);
            assertThat(INDISCREET).as("%s in %s: %s", kind, language, text).noneMatch(text::contains);
        }
    }

    /** Names as patients have them: short, long, and with letters outside GSM-7 (which would force UCS-2). */
    static final List<String> NAMES = List.of("Ana", "Guadalupe-Esperanza", "Zoë", "Nguyễn", "Maximiliano José");

    @ParameterizedTest
    @ValueSource(strings = {"en", "es"})
    void everyTextFitsInTwoSegmentsInItsActualEncodingWhateverTheNameAndSeries(String language) {
        List<Instant> longestSeries = java.util.stream.IntStream.range(0, 52)
                .mapToObj(week -> Instant.parse("2026-10-29T15:00:00Z").plus(java.time.Duration.ofDays(7L * week)))
                .toList();
        for (MessageKind kind : MessageKind.values()) {
            for (String name : NAMES) {
                for (List<Instant> series : List.of(SIX_SESSIONS, longestSeries)) {
                    String text = render(kind, language, name, series);
                    var measured = SmsSegments.of(text);
                    assertThat(segments(text))
                            .as(
                                    "%s in %s for %s (%d chars, %s): %s",
                                    kind, language, name, text.length(), measured.encoding(), text)
                            .isLessThanOrEqualTo(2)
                            .isEqualTo(measured.segments());
                }
            }
        }
    }

    @org.junit.jupiter.api.Test
    void aNameIsWrittenAsGivenWhenItFitsAndWithoutAccentsOutsideGsm7OnlyWhenItWouldNot() {
        assertThat(render(MessageKind.HELP_RESPONSE, "en", "Zoë", SIX_SESSIONS)).doesNotContain("Zo");
        assertThat(render(MessageKind.NEXT_DAY_CHECK_IN, "en", "Zoë", SIX_SESSIONS))
                .startsWith("Hi Zoë,");
        assertThat(render(MessageKind.PREP_TIPS, "en", "Zoë", SIX_SESSIONS)).startsWith("Hi Zoe,");
        assertThat(render(MessageKind.PREP_TIPS, "en", "José", SIX_SESSIONS)).startsWith("Hi José,"); // é is GSM-7
    }

    @org.junit.jupiter.api.Test
    void spanishIsWrittenWithItsAccentsAndPunctuation() {
        assertThat(render(MessageKind.NEXT_DAY_CHECK_IN, "es")).contains("¿cómo se siente hoy?", "número");
        assertThat(render(MessageKind.END_OF_SERIES, "es")).contains("terminó su serie", "integración", "llámenos");
        assertThat(render(MessageKind.SESSION_MOVED, "es")).contains("cambió a");
        assertThat(render(MessageKind.PREP_TIPS, "es")).contains("mañana", "quién");
        assertThat(render(MessageKind.CRISIS_RESPONSE, "es")).contains("daño", "También");
        for (MessageKind kind : MessageKind.values()) {
            // the words that lost their accents before
            assertThat(render(kind, "es"))
                    .as(kind.name())
                    .doesNotContain(" dia ", "surgio", "como se siente", " numero", "integracion", "termino ")
                    .doesNotContain("proxim", "cambio a", " aun ", " aqui", "Tambien");
        }
    }

    @org.junit.jupiter.api.Test
    void aSeriesTooLongToListIsToldByItsCountFirstAndLastSession() {
        List<Instant> twelve = java.util.stream.IntStream.range(0, 12)
                .mapToObj(i -> Instant.parse("2026-10-29T15:00:00Z").plus(java.time.Duration.ofDays(3L * i)))
                .toList();

        assertThat(render(MessageKind.BOOKING_CONFIRMATION, "en", "Ana", twelve))
                .contains(
                        "your appointments at Front Range Clinic are booked: 12 in all, the first on Thu Oct 29 9:00 AM MDT")
                .contains("the last on Tue Dec 1 8:00 AM MST");
        assertThat(render(MessageKind.BOOKING_CONFIRMATION, "es", "Ana", twelve))
                .contains("12 en total, del 29/10");
    }

    @ParameterizedTest
    @EnumSource(
            value = MessageKind.class,
            names = {"BOOKING_CONFIRMATION", "PREP_TIPS", "DAY_OF_REMINDER", "SESSION_MOVED", "SESSION_CANCELLED"})
    void timesAreShownInThePatientsZoneWithItsAbbreviation(MessageKind kind) {
        String text = render(kind, "en");

        assertThat(text).contains("9:00 AM MDT");
    }

    @org.junit.jupiter.api.Test
    void theCrisisAnswerGivesTheCrisisLineEmergencyNumberAndClinicPhone() {
        assertThat(render(MessageKind.CRISIS_RESPONSE, "en")).contains("988", "911", "(303) 555-0100");
        assertThat(render(MessageKind.CRISIS_RESPONSE, "es")).contains("988", "911", "(303) 555-0100");
    }

    @org.junit.jupiter.api.Test
    void theConfirmationListsEverySessionInEnglishAndSpanish() {
        assertThat(render(MessageKind.BOOKING_CONFIRMATION, "en"))
                .contains("Thu Oct 29 9:00 AM MDT")
                .contains("Mon Nov 16 9:00 AM MST");
        assertThat(render(MessageKind.BOOKING_CONFIRMATION, "es"))
                .startsWith("Hola Ana")
                .contains("9:00");
    }

    static String render(MessageKind kind, String language) {
        return render(kind, language, "Ana", SIX_SESSIONS);
    }

    static String render(MessageKind kind, String language, String name, List<Instant> sessions) {
        return MessageText.render(
                kind,
                new TextValues(
                        name,
                        language,
                        ZoneId.of("America/Denver"),
                        "Front Range Clinic",
                        "(303) 555-0100",
                        "(303) 555-0111",
                        "https://forms.frontrangeclinic.example/f/Zx8kQ2wV",
                        "K7Q2",
                        sessions));
    }

    /** SMS segments: GSM-7 160 alone or 153 per part; UCS-2 (any other character) 70 alone or 67 per part. */
    static int segments(String text) {
        boolean gsm7 = text.chars().allMatch(MessageTextTest::isGsm7);
        int units = gsm7 ? gsm7Units(text) : text.length();
        int single = gsm7 ? 160 : 70;
        int part = gsm7 ? 153 : 67;
        return units <= single ? 1 : (units + part - 1) / part;
    }

    private static final String GSM7_BASIC =
            "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM7_EXTENDED = "^{}\\[~]|€";

    private static boolean isGsm7(int c) {
        return GSM7_BASIC.indexOf(c) >= 0 || GSM7_EXTENDED.indexOf(c) >= 0;
    }

    private static int gsm7Units(String text) {
        List<Integer> units = new ArrayList<>();
        text.chars().forEach(c -> units.add(GSM7_EXTENDED.indexOf(c) >= 0 ? 2 : 1));
        return units.stream().mapToInt(Integer::intValue).sum();
    }
}
