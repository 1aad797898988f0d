package com.seriescare.scheduling.outbox;

import com.seriescare.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.springframework.cloud.function.cloudevent.CloudEventMessageBuilder;
import org.springframework.cloud.function.cloudevent.CloudEventMessageUtils;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;

/**
 * Sends an outbox entry as a CloudEvent in Kafka binary mode ({@code ce_*} headers, JSON body, key = patient
 * id). The binding is synchronous, so returning means the broker acknowledged the record.
 */
@Component
class EventPublisher {

    static final String SOURCE = "/seriescare/scheduling-service";

    private static final Map<String, String> BINDING_BY_TOPIC = Map.of(Topics.SESSION_EVENTS, "sessionEvents");

    private final StreamBridge streamBridge;

    EventPublisher(StreamBridge streamBridge) {
        this.streamBridge = streamBridge;
    }

    void publish(PendingEvent event) {
        String binding = BINDING_BY_TOPIC.get(event.topic());
        if (binding == null) {
            throw new IllegalStateException("No output binding for topic " + event.topic());
        }
        Message<byte[]> message = CloudEventMessageBuilder.withData(event.body().getBytes(StandardCharsets.UTF_8))
                .setId(event.eventId())
                .setSource(SOURCE)
                .setType(event.ceType())
                .setSubject(event.subject())
                .setSpecVersion("1.0")
                .setHeader(MessageHeaders.CONTENT_TYPE, "application/json")
                .setHeader(KafkaHeaders.KEY, event.key().getBytes(StandardCharsets.UTF_8))
                .build(CloudEventMessageUtils.KAFKA_ATTR_PREFIX);
        // RFC 3339 with seconds always present (the builder's OffsetDateTime form drops ":00")
        message = MessageBuilder.fromMessage(message)
                .setHeader("ce_time", DateTimeFormatter.ISO_INSTANT.format(event.time()))
                .build();
        if (!streamBridge.send(binding, message)) {
            throw new IllegalStateException("The binder did not accept event " + event.eventId());
        }
    }
}
