package com.seriescare.notification.events;

import com.seriescare.contracts.EventCodec;
import com.seriescare.servicesupport.events.CloudEventConsumers;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** The Kafka consumers (Spring Cloud Stream functions): decode, then hand to the domain. */
@Configuration(proxyBeanMethods = false)
class EventConsumers {

    @Bean
    Consumer<Message<byte[]>> sessionEvents(EventCodec codec, SchedulingEvents handler) {
        return CloudEventConsumers.decodingWith(codec, handler::on);
    }

    /** Intake requests and deadlines, handled by the same planning as scheduling events. */
    @Bean
    Consumer<Message<byte[]>> intakeEvents(EventCodec codec, SchedulingEvents handler) {
        return CloudEventConsumers.decodingWith(codec, handler::on);
    }
}
