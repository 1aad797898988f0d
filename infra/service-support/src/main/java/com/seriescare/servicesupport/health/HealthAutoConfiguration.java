package com.seriescare.servicesupport.health;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/** MongoDB and Kafka health for every service; Boot's own Mongo check is replaced (it needs {@code hello}). */
@AutoConfiguration(before = MongoHealthContributorAutoConfiguration.class)
public class HealthAutoConfiguration {

    /** Named like Boot's contributor, so Boot backs off. */
    @Bean
    @ConditionalOnMissingBean(name = "mongoHealthContributor")
    MongoPingHealthIndicator mongoHealthContributor(MongoTemplate mongo) {
        return new MongoPingHealthIndicator(mongo);
    }

    @Bean
    @ConditionalOnMissingBean(name = "kafkaHealthIndicator")
    KafkaHealthIndicator kafkaHealthIndicator(@Value("${spring.cloud.stream.kafka.binder.brokers}") String brokers) {
        return new KafkaHealthIndicator(brokers);
    }
}
