package com.seriescare.texts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class WordingTest {

    static TextValues values(String language, String name, List<Instant> starts) {
        return new TextValues(
                name, language, ZoneId.of("America/Denver"), "Front Range", "(303) 555-0100", null, null, null, starts);
    }

    static final List<Instant> TWELVE = IntStream.range(0, 12)
            .mapToObj(i -> Instant.parse("2026-10-29T15:00:00Z").plus(Duration.ofDays(3L * i)))
            .toList();

    @Test
    void aSeriesTooLongToListIsToldByItsCountFirstAndLast() {
        String template = Texts.of("booking_confirmation").defaultIn("en");

        assertThat(Wording.render(template, values("en", "Ana", TWELVE), 2))
                .contains("are booked: 12 in all, the first on Thu Oct 29 9:00 AM MDT")
                .contains("the last on Tue Dec 1 8:00 AM MST");
        assertThat(Wording.render(Texts.of("booking_confirmation").defaultIn("es"), values("es", "Ana", TWELVE), 2))
                .contains("12 en total, del 29/10 9:00 MDT al 1/12 8:00 MST");
    }

    @Test
    void aVariableWithoutAValueIsLeftAsWrittenAndOtherBracesToo() {
        assertThat(Wording.render("Hi {firstName} {link} {not a variable}", values("en", "Ana", List.of()), 2))
                .isEqualTo("Hi Ana {link} {not a variable}");
    }

    @Test
    void aNameLosesAccentsOutsideGsm7OnlyWhenTheTextWouldNotFitOtherwise() {
        String shortText = "Hi {firstName}, see you soon.";
        assertThat(Wording.render(shortText, values("en", "Zoë", List.of()), 2)).isEqualTo("Hi Zoë, see you soon.");
        String longText = "Hi {firstName}, " + "x".repeat(130);
        assertThat(Wording.render(longText, values("en", "Zoë", List.of()), 1)).startsWith("Hi Zoe,");
    }
}
