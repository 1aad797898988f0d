package com.seriescare.servicesupport;

import com.seriescare.contracts.EventCodec;
import com.seriescare.servicesupport.events.ConsumerFaults;
import com.seriescare.servicesupport.events.KafkaClients;
import com.seriescare.servicesupport.time.ClockControl;
import com.seriescare.servicesupport.time.TravellingClock;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The clock and the event codec every service uses. */
@AutoConfiguration
public class ServiceSupportAutoConfiguration {

    /**
     * Time is an input: tests replace this clock to move time instead of sleeping. It ticks in milliseconds, the
     * precision MongoDB stores, so an instant reads back exactly as it was returned.
     */
    @Bean
    @ConditionalOnMissingBean // a test's clock, or the dev profile's travelling one (registered first, below)
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    }

    /**
     * A clock a system test moves forward through a series' days ({@code /api/dev/clock}): with
     * {@code seriescare.dev.clock-control=true} in the dev profile only, never in production.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "seriescare.dev.clock-control", havingValue = "true")
    @org.springframework.context.annotation.Profile("dev")
    @Import(ClockControl.class)
    static class ClockControlConfiguration {
        @Bean
        @ConditionalOnMissingBean(Clock.class)
        TravellingClock clock() {
            return new TravellingClock(Clock.tick(Clock.systemUTC(), Duration.ofMillis(1)));
        }
    }

    /** Poison records to the dead-letter topic, everything else retried until it works (see ConsumerFaults). */
    @Bean
    @ConditionalOnMissingBean
    ConsumerFaults consumerFaults(
            org.springframework.core.env.Environment environment,
            org.springframework.beans.factory.ObjectProvider<io.micrometer.core.instrument.MeterRegistry> meters) {
        return new ConsumerFaults(
                KafkaClients.settings(environment),
                meters.getIfAvailable(io.micrometer.core.instrument.simple.SimpleMeterRegistry::new));
    }

    @Bean
    @ConditionalOnMissingBean
    EventCodec eventCodec() {
        return new EventCodec();
    }
}
