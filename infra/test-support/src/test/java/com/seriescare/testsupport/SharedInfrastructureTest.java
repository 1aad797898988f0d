package com.seriescare.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.seriescare.contracts.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class SharedInfrastructureTest {

    @Test
    void everyCallerGetsTheSameBrokerAndStore() {
        assertThat(SharedInfrastructure.endpoints()).isSameAs(SharedInfrastructure.endpoints());
    }

    @Test
    void theBrokerIsARealKafkaBrokerWithTheContractTopics() throws Exception {
        String servers = SharedInfrastructure.endpoints().kafkaBootstrapServers();
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of("bootstrap.servers", servers), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.CARE_ALERTS, "patient-1", "hello"))
                    .get();
        }
        try (var consumer = new KafkaConsumer<>(
                Map.<String, Object>of(
                        "bootstrap.servers", servers, "group.id", "infra-test", "auto.offset.reset", "earliest"),
                new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.CARE_ALERTS));
            List<ConsumerRecord<String, String>> seen = new java.util.ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (seen.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            }
            assertThat(seen).extracting(ConsumerRecord::key).contains("patient-1");
            assertThat(consumer.partitionsFor(Topics.SESSION_EVENTS)).hasSize(SharedInfrastructure.PARTITIONS);
        }
    }

    @Test
    void theStoreSpeaksTheMongoWireProtocolWithUniqueIndexes() {
        try (var client = MongoClients.create(SharedInfrastructure.endpoints().mongoUri())) {
            var collection = client.getDatabase("infra-test").getCollection("things");
            collection.drop();
            collection.createIndex(Indexes.ascending("naturalKey"), new IndexOptions().unique(true));
            collection.insertOne(new Document("naturalKey", "a"));

            assertThatThrownBy(() -> collection.insertOne(new Document("naturalKey", "a")))
                    .isInstanceOf(MongoWriteException.class);
            assertThat(collection.countDocuments()).isOne();
        }
    }

    @Test
    void anUnknownModeIsRefused() {
        String before = System.getProperty(SharedInfrastructure.MODE_PROPERTY);
        System.setProperty(SharedInfrastructure.MODE_PROPERTY, "cloud");
        try {
            assertThatThrownBy(SharedInfrastructure::chooseMode).hasMessageContaining("auto, containers or embedded");
            System.setProperty(SharedInfrastructure.MODE_PROPERTY, "EMBEDDED");
            assertThat(SharedInfrastructure.chooseMode()).isEqualTo(SharedInfrastructure.Mode.EMBEDDED);
        } finally {
            if (before == null) {
                System.clearProperty(SharedInfrastructure.MODE_PROPERTY);
            } else {
                System.setProperty(SharedInfrastructure.MODE_PROPERTY, before);
            }
        }
    }
}
