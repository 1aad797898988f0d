package com.seriescare.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Where a pipeline's lag is made: when each stage published, read from the records' own timestamps (the producer's
 * send time) on the topic it publishes to. A stage whose last record comes long after the one before it is the one
 * that fell behind; its texts can come no sooner.
 */
final class Stages {

    /** A stage of the pipeline, by the topic it publishes to. */
    record Stage(String topic, String name) {}

    /** The stages of a booking's texts, in order. */
    static final List<Stage> OF_A_BOOKING = List.of(
            new Stage("scheduling.session-events", "booking events published"),
            new Stage("intake.form-links", "form links issued"),
            new Stage("notification.events", "text statuses published"));

    private Stages() {}

    /** For each topic, the seconds after {@code since} at which its records of that time on were published. */
    static Map<String, List<Double>> publishedSince(String bootstrapServers, Instant since, Iterable<String> topics) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        // assigned partitions and no group: nothing is committed, so no consumer group is left for awaitIdle to wait on
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        Map<String, List<Double>> seconds = new LinkedHashMap<>();
        try (var consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            for (String topic : topics) {
                List<Double> at = new ArrayList<>();
                List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                        .map(info -> new TopicPartition(topic, info.partition()))
                        .toList();
                consumer.assign(partitions);
                Map<TopicPartition, Long> from = new HashMap<>();
                partitions.forEach(partition -> from.put(partition, since.toEpochMilli()));
                Map<TopicPartition, OffsetAndTimestamp> starts = consumer.offsetsForTimes(from);
                Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
                for (TopicPartition partition : partitions) {
                    consumer.seek(
                            partition,
                            Optional.ofNullable(starts.get(partition))
                                    .map(OffsetAndTimestamp::offset)
                                    .orElse(ends.get(partition)));
                }
                while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                    for (var record : consumer.poll(Duration.ofSeconds(1))) {
                        at.add((record.timestamp() - since.toEpochMilli()) / 1000.0);
                    }
                }
                seconds.put(topic, at);
            }
        }
        return seconds;
    }
}
