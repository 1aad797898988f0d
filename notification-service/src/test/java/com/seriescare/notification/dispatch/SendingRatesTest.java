package com.seriescare.notification.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The arithmetic of a sender's turns; their sharing between instances is SendingRateIntegrationTest's. */
class SendingRatesTest {

    @Test
    void turnsAreNeverCloserThanTheRateAllows() {
        assertThat(SendingRates.intervalAt(1)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(SendingRates.intervalAt(50)).isGreaterThanOrEqualTo(Duration.ofMillis(20));
        // and not much wider: the headroom keeps 97 % of the rate
        assertThat(SendingRates.intervalAt(50)).isLessThan(Duration.ofMillis(21));
    }

    @Test
    void aFastSendersTurnsAreTakenAFewAtATimeAndALongCodesOneByOne() {
        assertThat(SendingRates.blockOf(1)).isEqualTo(1);
        assertThat(SendingRates.blockOf(4.9)).isEqualTo(1);
        assertThat(SendingRates.blockOf(50)).isEqualTo(10);
        assertThat(SendingRates.blockOf(1000)).isEqualTo(20);
    }
}
