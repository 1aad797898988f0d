package com.seriescare.servicesupport.outbox;

import com.seriescare.servicesupport.tracing.TraceParents;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.cloud.function.cloudevent.CloudEventMessageBuilder;
import org.springframework.cloud.function.cloudevent.CloudEventMessageUtils;
import org.springframework.cloud.stream.binding.BindingService;
import org.springframework.cloud.stream.messaging.DirectWithAttributesChannel;
import org.springframework.context.ApplicationContext;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;

/**
 * Sends an outbox entry as a CloudEvent in Kafka binary mode ({@code ce_*} headers, JSON body, key = patient
 * id) to its topic. Producers are synchronous ({@code spring.cloud.stream.kafka.default.producer.sync}), so
 * returning means the broker acknowledged the record.
 *
 * <p>Each topic is an output binding of the binder, made on first use as {@code StreamBridge} makes one for a
 * destination (binding name = topic, so {@code spring.cloud.stream[.kafka].bindings.<topic>} apply), and the
 * message goes straight to its channel. Not through {@code StreamBridge.send}: it runs every message through a
 * function invocation (a CloudEvents canonicalisation that parses the body, a rebuilt message) under one lock all
 * senders share, and so published one event at a time whatever the relay sent side by side: about 1,200 events a
 * second on the dev stack (B3 in docs/benchmarks.md). The message built here is already what goes on the topic.
 */
public class EventPublisher implements DisposableBean {

    private final BindingService bindings;
    private final ApplicationContext context;
    private final String source;
    private final TraceParents traces;
    private final Map<String, MessageChannel> outputs = new ConcurrentHashMap<>();

    /** @param source the CloudEvents {@code source}: the publishing service, e.g. {@code /seriescare/scheduling-service} */
    public EventPublisher(BindingService bindings, ApplicationContext context, String source, TraceParents traces) {
        this.bindings = bindings;
        this.context = context;
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
        if (!output(binding).send(message)) {
            throw new IllegalStateException("The binder did not accept event " + event.eventId());
        }
    }

    private MessageChannel output(String topic) {
        return outputs.computeIfAbsent(topic, name -> {
            var channel = new DirectWithAttributesChannel();
            channel.setComponentName(name);
            channel.setApplicationContext(context);
            bindings.bindProducer(channel, name);
            return channel;
        });
    }

    /** Lets go of the topics' producer bindings (the relay, which publishes through this, has stopped by now). */
    @Override
    public void destroy() {
        outputs.keySet().forEach(topic -> bindings.unbindProducers(null, topic));
        outputs.clear();
    }
}
