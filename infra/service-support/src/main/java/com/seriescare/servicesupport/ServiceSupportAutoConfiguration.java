package com.seriescare.servicesupport;

import com.seriescare.contracts.EventCodec;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** The clock and the event codec every service uses. */
@AutoConfiguration
public class ServiceSupportAutoConfiguration {

    /**
     * Time is an input: tests replace this clock to move time instead of sleeping. It ticks in milliseconds, the
     * precision MongoDB stores, so an instant reads back exactly as it was returned.
     */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    }

    @Bean
    @ConditionalOnMissingBean
    EventCodec eventCodec() {
        return new EventCodec();
    }
}
