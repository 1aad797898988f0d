package com.seriescare.notification.events;

import com.seriescare.contracts.CloudEventHeaders;
import com.seriescare.contracts.EventCodec;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The Kafka consumers (Spring Cloud Stream functions). They only decode and delegate. A record that cannot be
 * decoded throws {@link com.seriescare.contracts.MalformedEventException}, which is not retried: the binder
 * sends it to the dead-letter topic and the consumer moves on.
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
