package com.seriescare.notification.planning;

import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MessageRulesConfiguration.MessageRulesProperties.class)
class MessageRulesConfiguration {

    /** The clinic's timing of texts ({@code seriescare.message-rules.*}); see {@link MessageRules}. */
    @ConfigurationProperties("seriescare.message-rules")
    record MessageRulesProperties(
            @DefaultValue("18:00") LocalTime prepTipsAt,
            @DefaultValue("3h") Duration dayOfReminderBefore,
            @DefaultValue("15m") Duration postSessionAfter,
            @DefaultValue("10:00") LocalTime checkInAt,
            @DefaultValue("17:00") LocalTime midSeriesNoteAt,
            @DefaultValue("12:00") LocalTime endOfSeriesAt,
            @DefaultValue("2") int maxTextsPerDay,
            @DefaultValue("2h") Duration minGapBetweenTexts) {}

    /** At most so many non-urgent texts a day, never two too close ({@code seriescare.message-rules.*}). */
    @Bean
    TextSpacing textSpacing(MessageRulesProperties p) {
        return new TextSpacing(p.maxTextsPerDay(), p.minGapBetweenTexts());
    }

    @Bean
    MessageRules messageRules(MessageRulesProperties p) {
        return new MessageRules(
                p.prepTipsAt(),
                p.dayOfReminderBefore(),
                p.postSessionAfter(),
                p.checkInAt(),
                p.midSeriesNoteAt(),
                p.endOfSeriesAt());
    }
}
