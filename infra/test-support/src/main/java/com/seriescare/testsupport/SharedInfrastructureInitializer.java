package com.seriescare.testsupport;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring context at the {@link SharedInfrastructure}. Use it through {@link UsesSharedInfrastructure}.
 * The properties are the same ones a service takes in production, so the test exercises the real wiring.
 */
public class SharedInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        SharedInfrastructure.Endpoints endpoints = SharedInfrastructure.endpoints();
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "sharedTestInfrastructure",
                        Map.of(
                                "spring.cloud.stream.kafka.binder.brokers", endpoints.kafkaBootstrapServers(),
                                "spring.kafka.bootstrap-servers", endpoints.kafkaBootstrapServers(),
                                "spring.mongodb.uri", endpoints.mongoUri())));
    }
}
