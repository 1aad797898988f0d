package com.seriescare.texts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class TextTimingTest {

    @Test
    void theDefaultTimingIsUsable() {
        assertThat(TextTiming.DEFAULT.problems()).isEmpty();
    }

    @Test
    void aTextTimedInsideTheQuietHoursIsRefusedNamingTheField() {
        var late = TextTiming.DEFAULT.withQuietHours(LocalTime.of(17, 30), LocalTime.of(8, 0));

        assertThat(late.problems())
                .singleElement()
                .satisfies(p -> assertThat(p.field()).isEqualTo("prepTipsAt"))
                .satisfies(p -> assertThat(p.message()).contains("18:00", "quiet hours (17:30–08:00)"));
    }

    @Test
    void quietHoursMaySpanMidnightOrNot() {
        var overnight = TextTiming.DEFAULT;
        assertThat(overnight.isQuiet(LocalTime.of(2, 0))).isTrue();
        assertThat(overnight.isQuiet(LocalTime.of(8, 0))).isFalse();
        var afternoon = TextTiming.DEFAULT.withQuietHours(LocalTime.of(13, 0), LocalTime.of(14, 0));
        assertThat(afternoon.isQuiet(LocalTime.of(13, 30))).isTrue();
        assertThat(afternoon.isQuiet(LocalTime.of(2, 0))).isFalse();
    }

    @Test
    void offsetsOutsideTheirRangeAndMissingFieldsAreRefused() {
        var d = TextTiming.DEFAULT;
        var tooEarly = new TextTiming(
                d.prepTipsAt(),
                Duration.ofHours(20),
                d.postSessionAfter(),
                d.checkInAt(),
                d.midSeriesNoteAt(),
                d.endOfSeriesAt(),
                d.quietHoursStart(),
                d.quietHoursEnd());
        assertThat(tooEarly.problems())
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("between 1 h and 12 h, not 20 h"));
        var missing = new TextTiming(null, null, null, null, null, null, null, null);
        assertThat(missing.problems()).hasSize(8);
    }
}
