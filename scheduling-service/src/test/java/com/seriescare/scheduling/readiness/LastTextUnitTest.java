package com.seriescare.scheduling.readiness;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LastTextUnitTest {

    static final Instant T = Instant.parse("2026-12-01T16:00:00Z");
    static final LastText CONFIRMATION = new LastText("m-1", "booking_confirmation", "delivered", T, null);

    @Test
    void aSessionWithoutTextsOfItsOwnShowsTheSeriesText() {
        // the Today page answered 500 here: a booked series has a text, its sessions have none yet
        assertThat(LastText.newer(CONFIRMATION, null)).isEqualTo(CONFIRMATION);
        assertThat(LastText.newer(null, CONFIRMATION)).isEqualTo(CONFIRMATION);
        assertThat(LastText.newer(null, null)).isNull();
    }

    @Test
    void theSameTextOnlyMovesForwardAndALaterTextWins() {
        var sent = new LastText("m-1", "booking_confirmation", "sent", T.plusSeconds(9), null);
        assertThat(LastText.newer(CONFIRMATION, sent)).isEqualTo(CONFIRMATION);
        var prepTips = new LastText("m-2", "prep_tips", "planned", T.plusSeconds(60), null);
        assertThat(LastText.newer(CONFIRMATION, prepTips)).isEqualTo(prepTips);
        assertThat(LastText.newer(prepTips, CONFIRMATION)).isEqualTo(prepTips);
    }
}
