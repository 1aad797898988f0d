package com.seriescare.servicesupport.outbox;

import com.seriescare.servicesupport.tracing.TraceParents;
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
    private final TraceParents traces;

    /** @param source the CloudEvents {@code source}: the publishing service, e.g. {@code /seriescare/scheduling-service} */
    public EventPublisher(StreamBridge streamBridge, String source, TraceParents traces) {
        this.streamBridge = streamBridge;
        this.source = source;
        this.traces = traces;
    }

    /**
     * Publishes in a span that continues the trace the change was made in: its W3C {@code traceparent} travels in the
     * record beside the CloudEvents headers, and the consumers carry it on. Returns once the broker acknowledged it.
     * Public for the benchmarks' baseline, which publishes the same events straight from memory (B3).
     */
    public void publish(PendingEvent event) {
        traces.continuing(event.traceparent(), "publish " + event.ceType(), () -> send(event));
    }

    private void send(PendingEvent event) {
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
                .setHeader("traceparent", traces.current())
                .build();
        if (!streamBridge.send(binding, message)) {
            throw new IllegalStateException("The binder did not accept event " + event.eventId());
        }
    }
}
