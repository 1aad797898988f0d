package com.seriescare.testsupport;

import com.seriescare.contracts.ClinicEvent;
import com.seriescare.contracts.EventCodec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes events to the shared broker the way any CloudEvents producer would (binary mode, raw byte headers,
 * key = patient id), so a consumer test does not depend on the producing service.
 */
public final class EventPublisherForTests implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final EventCodec codec = new EventCodec();

    /** Publishes to the shared broker. */
    public EventPublisherForTests() {
        this(SharedInfrastructure.endpoints().kafkaBootstrapServers());
    }

    private EventPublisherForTests(String bootstrapServers) {
        producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", bootstrapServers), new StringSerializer(), new ByteArraySerializer());
    }

    /** Publishes to any broker (e.g. a system test's own). */
    public static EventPublisherForTests at(String bootstrapServers) {
        return new EventPublisherForTests(bootstrapServers);
    }

    /** Publishes the event with a new event id; returns that id. */
    public String publish(ClinicEvent event) {
        return publish(event, UUID.randomUUID().toString());
    }

    /** Publishes the event with the given event id (the same id again is a redelivery). */
    public String publish(ClinicEvent event, String eventId) {
        return publish(event, eventId, null);
    }

    /** As {@link #publish(ClinicEvent, String)}, made by {@code actor} (the {@code ce_actor} extension; null: unsaid). */
    public String publish(ClinicEvent event, String eventId, String actor) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_id", eventId);
        headers.put("ce_source", "/tests");
        headers.put("ce_type", event.type().ceType());
        headers.put("ce_time", Instant.now().toString());
        headers.put("ce_subject", event.subject());
        headers.put("ce_specversion", "1.0");
        if (actor != null) {
            headers.put("ce_actor", actor);
        }
        headers.put("content-type", "application/json");
        publishRaw(event.type().topic(), event.key(), headers, codec.encode(event));
        return eventId;
    }

    /** Publishes anything, e.g. a malformed event. */
    public void publishRaw(String topic, String key, Map<String, String> headers, byte[] body) {
        var record = new ProducerRecord<>(topic, key, body);
        headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not publish to " + topic, e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
