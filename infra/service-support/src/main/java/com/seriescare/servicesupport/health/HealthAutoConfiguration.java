package com.seriescare.servicesupport.health;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * MongoDB health for every service; Boot's own Mongo check is replaced (it needs {@code hello}). Kafka's is the
 * binder's own ({@code binders}): it reaches the cluster with the binder's settings, TLS and SASL included.
 */
@AutoConfiguration(before = MongoHealthContributorAutoConfiguration.class)
public class HealthAutoConfiguration {

    /** Named like Boot's contributor, so Boot backs off. */
    @Bean
    @ConditionalOnMissingBean(name = "mongoHealthContributor")
    MongoPingHealthIndicator mongoHealthContributor(MongoTemplate mongo) {
        return new MongoPingHealthIndicator(mongo);
    }
}
