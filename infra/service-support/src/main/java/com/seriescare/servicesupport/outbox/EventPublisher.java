package com.seriescare.servicesupport.outbox;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import org.springframework.cloud.function.cloudevent.CloudEventMessageBuilder;
import org.springframework.cloud.function.cloudevent.CloudEventMessageUtils;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Sends an outbox entry as a CloudEvent in Kafka binary mode ({@code ce_*} headers, JSON body, key = patient
 * id) to its topic. Producers are synchronous ({@code spring.cloud.stream.kafka.default.producer.sync}), so
 * returning means the broker acknowledged the record.
 */
public class EventPublisher {

    private final StreamBridge streamBridge;
    private final String source;

    /** @param source the CloudEvents {@code source}: the publishing service, e.g. {@code /seriescare/scheduling-service} */
    public EventPublisher(StreamBridge streamBridge, String source) {
        this.streamBridge = streamBridge;
        this.source = source;
    }

    void publish(PendingEvent event) {
        String binding = event.topic();
        Message<byte[]> message = CloudEventMessageBuilder.withData(event.body().getBytes(StandardCharsets.UTF_8))
                .setId(event.eventId())
                .setSource(source)
                .setType(event.ceType())
                .setSubject(event.subject())
                .setSpecVersion("1.0")
                .setHeader(MessageHeaders.CONTENT_TYPE, "application/json")
                .setHeader(KafkaHeaders.KEY, event.key().getBytes(StandardCharsets.UTF_8))
                .build(CloudEventMessageUtils.KAFKA_ATTR_PREFIX);
        // RFC 3339 with seconds always present (the builder's OffsetDateTime form drops ":00")
        message = MessageBuilder.fromMessage(message)
                .setHeader("ce_time", DateTimeFormatter.ISO_INSTANT.format(event.time()))
                // who made the change (a user name, "patient" or "system"): the "actor" extension attribute
                .setHeader("ce_actor", event.actor() == null ? "system" : event.actor())
                .build();
        if (!streamBridge.send(binding, message)) {
            throw new IllegalStateException("The binder did not accept event " + event.eventId());
        }
    }
}
