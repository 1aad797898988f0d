package com.seriescare.servicesupport.deadletters;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The records this service's consumers could never handle, for an operator to read and, once the cause is fixed
 * (a producer's bug, a schema now accepted), send back to the topic they came from. Consumers are idempotent, so a
 * record sent back twice does no harm; each re-drive is noted with who and when ({@value #REDRIVES}), so the list
 * shows which ones are done. Bodies are not shown: they may carry health data.
 */
public class DeadLetters {

    static final String REDRIVES = "dead_letter_redrives";

    /** Headers Spring Kafka's dead-letter publisher adds; not sent back with the record. */
    static final String DLT_PREFIX = "kafka_dlt-";

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    private final Map<String, Object> client;
    private final List<String> topics;
    private final MongoTemplate mongo;
    private final Clock clock;

    /**
     * @param client the Kafka client settings: the bootstrap servers and whatever the binder's clients are given
     *     besides (TLS, SASL)
     * @param topics the dead-letter topics of this service's consumer bindings
     */
    public DeadLetters(Map<String, Object> client, List<String> topics, MongoTemplate mongo, Clock clock) {
        this.client = Map.copyOf(client);
        this.topics = List.copyOf(topics);
        this.mongo = mongo;
        this.clock = clock;
    }

    /**
     * A dead-lettered record as an operator sees it.
     *
     * @param problem the exception that sent it here
     * @param redrivenAt when it was last sent back to its topic; null if never
     */
    public record DeadLetter(
            String topic,
            int partition,
            long offset,
            Instant deadLetteredAt,
            String originalTopic,
            Integer originalPartition,
            Long originalOffset,
            String key,
            String ceType,
            String ceId,
            String problem,
            int bodyBytes,
            Instant redrivenAt,
            String redrivenBy) {}

    public List<String> topics() {
        return topics;
    }

    /** Every record in this service's dead-letter topics, oldest first per topic. */
    public List<DeadLetter> list() {
        Map<String, Document> redriven = new HashMap<>();
        mongo.findAll(Document.class, REDRIVES).forEach(d -> redriven.put(d.getString("_id"), d));
        List<DeadLetter> letters = new ArrayList<>();
        try (var consumer = consumer()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                var infos = consumer.partitionsFor(topic, READ_TIMEOUT);
                if (infos != null) {
                    infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
                }
            }
            if (partitions.isEmpty()) {
                return letters;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, READ_TIMEOUT);
            Instant giveUp = Instant.now().plus(READ_TIMEOUT);
            while (partitions.stream().anyMatch(p -> consumer.position(p, READ_TIMEOUT) < ends.get(p))
                    && Instant.now().isBefore(giveUp)) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    letters.add(
                            describe(record, redriven.get(idOf(record.topic(), record.partition(), record.offset()))));
                }
            }
        }
        letters.sort(Comparator.comparing(DeadLetter::topic)
                .thenComparing(DeadLetter::partition)
                .thenComparing(DeadLetter::offset));
        return letters;
    }

    /**
     * Sends the record at this place back to the topic it came from, with its key and CloudEvents headers; empty when
     * there is no such record in this service's dead-letter topics.
     */
    public Optional<DeadLetter> redrive(String topic, int partition, long offset, String by) {
        if (!topics.contains(topic)) {
            return Optional.empty();
        }
        Optional<ConsumerRecord<byte[], byte[]>> found = read(topic, partition, offset);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        var record = found.get();
        String originalTopic = text(record, DLT_PREFIX + "original-topic");
        if (originalTopic == null) {
            throw new IllegalStateException("The record names no original topic to send it back to");
        }
        var headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!header.key().startsWith(DLT_PREFIX)) {
                headers.add(header);
            }
        }
        try (var producer = producer()) {
            producer.send(new ProducerRecord<>(originalTopic, null, record.key(), record.value(), headers))
                    .get(READ_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sending the record back", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The broker did not take the record back: " + e.getMessage(), e);
        }
        Instant at = clock.instant();
        String id = idOf(topic, partition, offset);
        mongo.upsert(
                query(where("_id").is(id)),
                new Update().set("redrivenAt", at).set("redrivenBy", by).inc("times", 1),
                REDRIVES);
        return Optional.of(
                describe(record, new Document("redrivenAt", java.util.Date.from(at)).append("redrivenBy", by)));
    }

    private Optional<ConsumerRecord<byte[], byte[]>> read(String topic, int partition, long offset) {
        try (var consumer = consumer()) {
            var infos = consumer.partitionsFor(topic, READ_TIMEOUT);
            if (infos == null || infos.stream().noneMatch(info -> info.partition() == partition)) {
                return Optional.empty();
            }
            var place = new TopicPartition(topic, partition);
            consumer.assign(List.of(place));
            long end = consumer.endOffsets(List.of(place), READ_TIMEOUT).get(place);
            if (offset < 0 || offset >= end) {
                return Optional.empty();
            }
            consumer.seek(place, offset);
            Instant giveUp = Instant.now().plus(READ_TIMEOUT);
            while (Instant.now().isBefore(giveUp)) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() == offset) {
                        return Optional.of(record);
                    }
                    if (record.offset() > offset) {
                        return Optional.empty();
                    }
                }
            }
            return Optional.empty();
        }
    }

    private static DeadLetter describe(ConsumerRecord<byte[], byte[]> record, Document redriven) {
        return new DeadLetter(
                record.topic(),
                record.partition(),
                record.offset(),
                Instant.ofEpochMilli(record.timestamp()),
                text(record, DLT_PREFIX + "original-topic"),
                number(record, DLT_PREFIX + "original-partition")
                        .map(Long::intValue)
                        .orElse(null),
                number(record, DLT_PREFIX + "original-offset").orElse(null),
                record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8),
                text(record, "ce_type"),
                text(record, "ce_id"),
                text(record, DLT_PREFIX + "exception-message"),
                record.value() == null ? 0 : record.value().length,
                redriven == null ? null : redriven.getDate("redrivenAt").toInstant(),
                redriven == null ? null : redriven.getString("redrivenBy"));
    }

    private static String text(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Spring Kafka writes the original partition as 4 bytes and the offset as 8. */
    private static Optional<Long> number(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null) {
            return Optional.empty();
        }
        byte[] value = header.value();
        return switch (value.length) {
            case 4 -> Optional.of((long) ByteBuffer.wrap(value).getInt());
            case 8 -> Optional.of(ByteBuffer.wrap(value).getLong());
            default -> Optional.empty();
        };
    }

    static String idOf(String topic, int partition, long offset) {
        return topic + "/" + partition + "/" + offset;
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        var properties = new Properties();
        properties.putAll(client);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private KafkaProducer<byte[], byte[]> producer() {
        var properties = new Properties();
        properties.putAll(client);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer());
    }
}
