package com.seriescare.servicesupport.events;

import com.seriescare.contracts.ClinicEvent;
import com.seriescare.contracts.CloudEventHeaders;
import com.seriescare.contracts.EventCodec;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.springframework.messaging.Message;

/**
 * Turns a handler of contract events into a Spring Cloud Stream consumer of CloudEvents records. A record that
 * cannot be decoded throws {@link com.seriescare.contracts.MalformedEventException}; configure it as not
 * retryable so the binder sends it to the dead-letter topic and the consumer moves on.
 */
public final class CloudEventConsumers {

    private CloudEventConsumers() {}

    public static Consumer<Message<byte[]>> decodingWith(EventCodec codec, Consumer<ClinicEvent> handler) {
        return withAttributes(codec, (event, attributes) -> handler.accept(event));
    }

    /** As {@link #decodingWith}, for a handler that reads the record's attributes too (its id, who made it). */
    public static Consumer<Message<byte[]>> withAttributes(
            EventCodec codec, BiConsumer<ClinicEvent, CloudEventHeaders> handler) {
        return message -> {
            var attributes = CloudEventHeaders.read(message.getHeaders()::get);
            handler.accept(codec.decode(attributes.type(), message.getPayload()), attributes);
        };
    }
}
