package com.seriescare.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The topics the AsyncAPI document declares: the one place their partitions, retention and access are chosen. */
final class AsyncApiTopics {

    /** One channel's topic as its Kafka binding and access list declare it. */
    record Topic(
            String name,
            int partitions,
            int replicas,
            String cleanupPolicy,
            long retentionMs,
            List<String> writers,
            List<String> readers) {

        boolean deadLetters() {
            return name.endsWith(".dlq");
        }
    }

    /** Every topic has it: an acknowledged record is on two brokers (the document's header says so). */
    static final int MIN_IN_SYNC_REPLICAS = 2;

    static final List<String> SERVICES = List.of("scheduling-service", "intake-service", "notification-service");

    private AsyncApiTopics() {}

    static JsonNode document() {
        try (InputStream in = AsyncApiTopics.class.getResourceAsStream("/asyncapi.yaml")) {
            return new YAMLMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Topic> all() {
        return document()
                .path("channels")
                .valueStream()
                .map(AsyncApiTopics::topic)
                .toList();
    }

    private static Topic topic(JsonNode channel) {
        JsonNode kafka = channel.path("bindings").path("kafka");
        JsonNode configuration = kafka.path("topicConfiguration");
        JsonNode access = channel.path("x-seriescare-access");
        String name = channel.path("address").asString();
        if (kafka.isMissingNode() || access.isMissingNode()) {
            throw new IllegalStateException(
                    "channel " + name + " lacks its Kafka binding or x-seriescare-access: it cannot be provisioned");
        }
        return new Topic(
                name,
                kafka.path("partitions").asInt(),
                kafka.path("replicas").asInt(),
                configuration.path("cleanup.policy").path(0).asString(),
                configuration.path("retention.ms").asLong(),
                strings(access.path("writers")),
                strings(access.path("readers")));
    }

    private static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }
}
