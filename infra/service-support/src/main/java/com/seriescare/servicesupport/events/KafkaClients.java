package com.seriescare.servicesupport.events;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The settings of a Kafka client this service makes besides the binder's (the dead-letter publisher, the operators'
 * dead-letter endpoint): the binder's brokers and its client configuration
 * ({@code spring.cloud.stream.kafka.binder.configuration.*}: TLS, SASL...), so that every client reaches the cluster
 * the same way. A client given the brokers alone cannot sign in to a cluster that requires it.
 */
public final class KafkaClients {

    private KafkaClients() {}

    public static Map<String, Object> settings(Environment environment) {
        Map<String, Object> settings = new HashMap<>(Binder.get(environment)
                .bind("spring.cloud.stream.kafka.binder.configuration", Bindable.mapOf(String.class, String.class))
                .orElse(Map.of()));
        settings.put("bootstrap.servers", environment.getRequiredProperty("spring.cloud.stream.kafka.binder.brokers"));
        return settings;
    }
}
