package com.seriescare.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads topics of the shared broker from their beginning in the background and keeps every record, so a test
 * can assert on what a service really published (with Awaitility, never sleeps).
 */
public final class RecordedTopics implements AutoCloseable {

    /** One record as it is on the topic: key, CloudEvents headers and the JSON body. */
    public record Recorded(String topic, int partition, String key, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name);
        }

        public String ceType() {
            return headers.get("ce_type");
        }
    }

    private final List<Recorded> records = new CopyOnWriteArrayList<>();
    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread poller;

    private RecordedTopics(String bootstrapServers, List<String> topics) {
        consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "recorder-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest"),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        consumer.subscribe(topics);
        poller = Thread.ofPlatform().daemon().name("recorded-topics").start(this::poll);
    }

    /** Starts recording the given topics of the shared broker. */
    public static RecordedTopics of(String... topics) {
        return new RecordedTopics(SharedInfrastructure.endpoints().kafkaBootstrapServers(), List.of(topics));
    }

    /** Starts recording the given topics of any broker (e.g. a system test's own). */
    public static RecordedTopics at(String bootstrapServers, String... topics) {
        return new RecordedTopics(bootstrapServers, List.of(topics));
    }

    /** Every record of a topic, in the order they were read. */
    public List<Recorded> onTopic(String topic) {
        return records.stream().filter(r -> topic.equals(r.topic())).toList();
    }

    /** Every record with this key (a patient id), in the order they were read. */
    public List<Recorded> forKey(String key) {
        return records.stream().filter(r -> key.equals(r.key())).toList();
    }

    private void poll() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                for (var record : consumer.poll(Duration.ofMillis(100))) {
                    Map<String, String> headers = new java.util.LinkedHashMap<>();
                    for (Header header : record.headers()) {
                        headers.put(
                                header.key(),
                                header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
                    }
                    records.add(new Recorded(
                            record.topic(),
                            record.partition(),
                            record.key(),
                            headers,
                            record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8)));
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close();
        }
    }

    @Override
    public void close() {
        consumer.wakeup();
    }
}
