package com.seriescare.servicesupport.events;

import com.seriescare.contracts.ClinicEvent;
import com.seriescare.contracts.CloudEventHeaders;
import com.seriescare.contracts.EventCodec;
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
        return message -> {
            var headers = CloudEventHeaders.read(message.getHeaders()::get);
            handler.accept(codec.decode(headers.type(), message.getPayload()));
        };
    }
}
