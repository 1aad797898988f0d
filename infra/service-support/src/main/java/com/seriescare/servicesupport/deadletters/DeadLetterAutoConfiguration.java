package com.seriescare.servicesupport.deadletters;

import com.seriescare.servicesupport.events.KafkaClients;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.cloud.stream.binder.kafka.properties.KafkaBindingProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The operator's dead-letter endpoint, for a service whose consumer bindings have dead-letter topics. */
@AutoConfiguration(afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
@ConditionalOnProperty("spring.cloud.stream.kafka.binder.brokers")
@ConditionalOnBean(MongoTemplate.class)
@Import(DeadLetterController.class)
public class DeadLetterAutoConfiguration {

    @Bean
    DeadLetters deadLetters(Environment environment, MongoTemplate mongo, Clock clock) {
        Binder binder = Binder.get(environment);
        Map<String, KafkaBindingProperties> bindings = binder.bind(
                        "spring.cloud.stream.kafka.bindings",
                        Bindable.mapOf(String.class, KafkaBindingProperties.class))
                .orElse(Map.of());
        List<String> topics = bindings.values().stream()
                .map(KafkaBindingProperties::getConsumer)
                .filter(consumer -> consumer.isEnableDlq() && consumer.getDlqName() != null)
                .map(consumer -> consumer.getDlqName())
                .distinct()
                .sorted()
                .toList();
        return new DeadLetters(KafkaClients.settings(environment), topics, mongo, clock);
    }
}
