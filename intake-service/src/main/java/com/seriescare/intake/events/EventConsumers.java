package com.seriescare.intake.events;

import com.seriescare.contracts.CloudEventHeaders;
import com.seriescare.contracts.EventCodec;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The Kafka consumers (Spring Cloud Stream functions): decode and delegate. Undecodable records are not retried;
 * they go to the dead-letter topic.
 */
@Configuration(proxyBeanMethods = false)
class EventConsumers {

    @Bean
    EventCodec eventCodec() {
        return new EventCodec();
    }

    @Bean
    Consumer<Message<byte[]>> sessionEvents(EventCodec codec, SchedulingEvents handler) {
        return message -> {
            var headers = CloudEventHeaders.read(message.getHeaders()::get);
            handler.on(codec.decode(headers.type(), message.getPayload()));
        };
    }
}
