package com.seriescare.scheduling.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.seriescare.scheduling.timeline.TextHistory.Step;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextHistoryTest {

    static final Instant T = Instant.parse("2026-11-21T16:00:00Z");

    static TextHistory with(Step... steps) {
        return new TextHistory("m-1", "p-1", "prep_tips", "s-1", "x-1", T.plusSeconds(3600), List.of(steps));
    }

    @Test
    void aLateSentNeverHidesDelivered() {
        var text = with(
                new Step("planned", T, null),
                new Step("delivered", T.plusSeconds(20), null),
                new Step("sent", T.plusSeconds(10), null));

        assertThat(text.status()).isEqualTo("delivered");
        assertThat(text.steps()).extracting(Step::status).containsExactly("planned", "sent", "delivered");
    }

    @Test
    void aCancelledTextSaysWhyAndIsNoLongerPending() {
        var text =
                with(new Step("planned", T, null), new Step("cancelled", T.plusSeconds(5), "the patient replied STOP"));

        assertThat(text.status()).isEqualTo("cancelled");
        assertThat(text.reason()).isEqualTo("the patient replied STOP");
        assertThat(text.pending()).isFalse();
        assertThat(with(new Step("planned", T, null)).pending()).isTrue();
    }

    @Test
    void aTextIsPlacedAtItsDueTimeOrElseItsLatestNews() {
        assertThat(with(new Step("sent", T, null)).when()).isEqualTo(T.plusSeconds(3600));
        var undated =
                new TextHistory("m-2", "p-1", "help_response", null, null, null, List.of(new Step("sent", T, null)));
        assertThat(undated.when()).isEqualTo(T);
    }
}
