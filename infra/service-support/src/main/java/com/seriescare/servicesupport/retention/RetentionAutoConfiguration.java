package com.seriescare.servicesupport.retention;

import java.time.Clock;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/** The daily retention sweep of each service's collections (see {@link Retention}). */
@AutoConfiguration(afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
@ConditionalOnBean(MongoTemplate.class)
@EnableConfigurationProperties(RetentionAutoConfiguration.RetentionProperties.class)
public class RetentionAutoConfiguration {

    /** @param rules what the service keeps and for how long; none: it keeps everything */
    @ConfigurationProperties("seriescare.retention")
    public record RetentionProperties(@DefaultValue List<Retention.Rule> rules) {}

    @Bean
    Retention retention(MongoTemplate mongo, Clock clock, RetentionProperties properties) {
        return new Retention(mongo, clock, properties.rules());
    }

    @Bean
    RetentionSweep retentionSweep(Retention retention) {
        return new RetentionSweep(retention);
    }

    /** Once a day, on the relay's thread (short and rare), like the audit trail's sweep. */
    static final class RetentionSweep {
        private final Retention retention;

        RetentionSweep(Retention retention) {
            this.retention = retention;
        }

        @Scheduled(
                fixedDelayString = "${seriescare.retention.sweep-interval:24h}",
                initialDelayString = "${seriescare.retention.sweep-delay:2m}",
                scheduler = "outboxRelayScheduler")
        void sweep() {
            retention.forgetExpired();
        }
    }
}
