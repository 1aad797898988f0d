package com.seriescare.notification.planning;

import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(QuietHoursConfiguration.QuietHoursProperties.class)
class QuietHoursConfiguration {

    /** The clinic's quiet hours in the patient's zone ({@code seriescare.quiet-hours.*}); stricter than 21-08 if need be. */
    @ConfigurationProperties("seriescare.quiet-hours")
    record QuietHoursProperties(
            @DefaultValue("21:00") LocalTime start,
            @DefaultValue("08:00") LocalTime end) {}

    @Bean
    QuietHours quietHours(QuietHoursProperties properties) {
        return new QuietHours(properties.start(), properties.end());
    }
}
