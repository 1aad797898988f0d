package com.seriescare.benchmarks;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.seriescare.contracts.EventCodec;
import com.seriescare.contracts.EventType;
import com.seriescare.contracts.notification.MessageStatusChanged;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;

/** B3 (the outbox relay against sending straight to the broker) and B5 (the lease's cost as future texts pile up). */
final class RelayAndLease {

    private final BenchSystem system;
    private final Figures figures;

    RelayAndLease(BenchSystem system, Figures figures) {
        this.system = system;
        this.figures = figures;
    }

    // --- B3: the outbox relay ---

    /**
     * {@code events} status events waiting in notification-service's outbox (each in the outbox of a text of its own,
     * of 500 patients, as dispatch leaves them; the texts are cancelled so that nothing else touches them), published
     * by one instance's relay from its start: events/s until the last is removed. Baseline, in the same run: the same
     * events sent to the same topic by a plain Kafka producer in this process (acks=all and idempotence, as the
     * services' producers), then flushed. The relay's code is shared by the three services (service-support), so one
     * service stands for all.
     */
    void relay(int events) throws Exception {
        system.stopNotifications();
        MongoCollection<Document> texts = system.notificationStore().getCollection("outgoing_messages");
        texts.deleteMany(new Document());
        EventCodec codec = new EventCodec();
        String batch = "b3-" + System.nanoTime();
        List<Document> documents = new ArrayList<>();
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = 0; i < events; i++) {
            String patient = batch + "-p" + (i % 500);
            String id = batch + ":" + i;
            var event = new MessageStatusChanged(
                    patient, id, "booking_confirmation", "series-" + patient, null, "cancelled", now, now, "benchmark");
            String body = new String(codec.encode(event), StandardCharsets.UTF_8);
            String eventId = UUID.randomUUID().toString();
            documents.add(new Document("_id", id)
                    .append("planKey", id)
                    .append("status", "CANCELLED")
                    .append("dueAt", Date.from(now))
                    .append("attempts", 0)
                    .append(
                            "outbox",
                            List.of(new Document("eventId", eventId)
                                    .append("ceType", EventType.MESSAGE_STATUS_CHANGED.ceType())
                                    .append("topic", EventType.MESSAGE_STATUS_CHANGED.topic())
                                    .append("key", patient)
                                    .append("subject", id)
                                    .append("time", Date.from(now))
                                    .append("writtenAt", Date.from(now.plusNanos(i * 1000L)))
                                    .append("body", body)
                                    .append("actor", "system"))));
            var record = new ProducerRecord<>(
                    EventType.MESSAGE_STATUS_CHANGED.topic(), patient, body.getBytes(StandardCharsets.UTF_8));
            record.headers()
                    .add("ce_id", eventId.getBytes(StandardCharsets.UTF_8))
                    .add("ce_type", EventType.MESSAGE_STATUS_CHANGED.ceType().getBytes(StandardCharsets.UTF_8))
                    .add("ce_source", "/seriescare/benchmarks".getBytes(StandardCharsets.UTF_8))
                    .add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8))
                    .add("ce_subject", id.getBytes(StandardCharsets.UTF_8))
                    .add("content-type", "application/json".getBytes(StandardCharsets.UTF_8));
            records.add(record);
        }
        for (int from = 0; from < documents.size(); from += 1000) {
            texts.insertMany(documents.subList(from, Math.min(documents.size(), from + 1000)));
        }
        Benchmarks.log("B3: %d events waiting in notification-service's outbox", events);
        String topic = EventType.MESSAGE_STATUS_CHANGED.topic();
        var offsets = new KafkaConsumer<byte[], byte[]>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                system.bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class));
        long offsetsBefore = endOffsets(offsets, topic);
        system.startNotifications(1);
        // from the moment the instance answers: start-up is not relaying
        Instant started = Instant.now();
        long waitingAtStart = waiting(texts);
        Instant deadline = started.plus(Duration.ofMinutes(15));
        // progress is read from the topic while the relay publishes: counting the outboxes left in the store 10 times
        // a second read 5,000 documents each time, in the store the relay works on, on the same two cores
        while (endOffsets(offsets, topic) - offsetsBefore < waitingAtStart
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        offsets.close();
        // then until the relay has removed what it published (its last write)
        while (waiting(texts) > 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        double relaySeconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
        long left = waiting(texts);
        double relayRate = (waitingAtStart - left) / relaySeconds;

        Instant direct = Instant.now();
        try (var producer = new KafkaProducer<String, byte[]>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                system.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class))) {
            records.forEach(producer::send);
            producer.flush();
        }
        double directRate =
                records.size() / (Duration.between(direct, Instant.now()).toMillis() / 1000.0);
        double binderRate = throughTheBinder(records, batch);
        String at = "B3 outbox relay, " + events + " events";
        figures.add(at, "relay events/s", relayRate);
        figures.add(at, "baseline: through the binder events/s", binderRate);
        figures.add(at, "relay ÷ through the binder", relayRate / binderRate);
        figures.add(at, "baseline: producer events/s", directRate);
        figures.add(at, "relay ÷ baseline", relayRate / directRate);
        figures.add(at, "events left after 15 min", left);
        Benchmarks.log(
                "B3: relay %.0f events/s; through the binder %.0f events/s (%.0f%%); plain producer %.0f events/s"
                        + " (%.0f%%); %d left",
                relayRate, binderRate, 100 * relayRate / binderRate, directRate, 100 * relayRate / directRate, left);
        texts.deleteMany(new Document());
    }

    /**
     * The baseline: the same events (new ids) sent straight through the binder by {@link BinderBaseline}, in
     * notification-service's own jar with the services' JVM options and producer settings; events/s.
     */
    private double throughTheBinder(List<ProducerRecord<String, byte[]>> records, String batch) throws Exception {
        Path dir = Files.createTempDirectory("b3-baseline");
        Path file = dir.resolve("events.tsv");
        Path result = dir.resolve("millis");
        List<String> lines = new ArrayList<>();
        for (var record : records) {
            String subject =
                    new String(record.headers().lastHeader("ce_subject").value(), StandardCharsets.UTF_8);
            lines.add(UUID.randomUUID() + "\t" + record.key() + "\t" + subject + "\t"
                    + new String(record.value(), StandardCharsets.UTF_8));
        }
        Files.write(file, lines);
        system.runInNotificationJar(
                BinderBaseline.class.getName(),
                Map.of(
                        "baseline.events", file.toString(),
                        "baseline.result", result.toString(),
                        "baseline.topic", EventType.MESSAGE_STATUS_CHANGED.topic(),
                        "baseline.type", EventType.MESSAGE_STATUS_CHANGED.ceType()),
                List.of(
                        // not the service's application.yml: only what the services' producers are set to
                        "--spring.config.name=b3-baseline",
                        "--spring.cloud.stream.kafka.binder.brokers=" + system.bootstrapServers(),
                        "--spring.cloud.stream.kafka.binder.enable-observation=true",
                        "--spring.cloud.stream.default.producer.use-native-encoding=true",
                        "--spring.cloud.stream.kafka.default.producer.sync=true",
                        "--spring.cloud.stream.kafka.default.producer.configuration.acks=all",
                        "--spring.cloud.stream.kafka.default.producer.configuration.enable.idempotence=true",
                        // nothing is stored; service-support's beans are given the store as the services are
                        "--spring.mongodb.uri=" + system.storeUri(),
                        "--spring.mongodb.database=b3-baseline",
                        "--management.tracing.sampling.probability=1.0",
                        "--management.otlp.metrics.export.enabled=false",
                        // the services' own beans (security, outbox, dead letters): the baseline only publishes
                        "--spring.autoconfigure.exclude="
                                + String.join(
                                        ",",
                                        "com.seriescare.servicesupport.ServiceSupportAutoConfiguration",
                                        "com.seriescare.servicesupport.health.HealthAutoConfiguration",
                                        "com.seriescare.servicesupport.outbox.OutboxAutoConfiguration",
                                        "com.seriescare.servicesupport.security.SecurityConfiguration",
                                        "com.seriescare.servicesupport.deadletters.DeadLetterAutoConfiguration",
                                        "com.seriescare.servicesupport.retention.RetentionAutoConfiguration")));
        String[] timed = Files.readString(result).trim().split(" ");
        return Double.parseDouble(timed[0]) / (Double.parseDouble(timed[1]) / 1000.0);
    }

    /** How many records the topic holds, over its partitions. */
    private static long endOffsets(KafkaConsumer<byte[], byte[]> consumer, String topic) {
        var partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .toList();
        return consumer.endOffsets(partitions).values().stream()
                .mapToLong(Long::longValue)
                .sum();
    }

    private static long waiting(MongoCollection<Document> texts) {
        return texts.countDocuments(Filters.exists("outbox.0"));
    }

    // --- B5: the lease's cost as future texts pile up ---

    /** Searches timed at each size, after as many unmeasured ones (the first searches warm up the JIT and caches). */
    private static final int SEARCHES = 30;

    /**
     * The searches behind dispatch's next batch of 100 (the same queries as {@code OutgoingMessages.leaseDue}) on
     * notification-service's store, and behind the deadline watch's next batch (as {@code PatientForms.pastDue}) on
     * intake-service's, each with 100 due and {@code small}, then {@code large}, planned for the weeks ahead: the median
     * of {@link #SEARCHES} after as many unmeasured, and the ratio. Dispatch is stopped meanwhile; the forms are due a
     * month ahead and searched as of then, so intake-service's own watch leaves them alone.
     */
    void leaseCost(int small, int large) throws Exception {
        system.stopNotifications();
        MongoCollection<Document> texts = system.notificationStore().getCollection("outgoing_messages");
        MongoCollection<Document> forms = system.intakeStore().getCollection("patient_forms");
        texts.deleteMany(new Document());
        String batch = "b5-" + System.nanoTime();
        Instant now = Instant.now();
        Instant formsSearchedAt = now.plus(Duration.ofDays(30));
        insertTexts(texts, batch + "-due", 100, now.minusSeconds(1), Duration.ZERO);
        insertTexts(texts, batch + "-f", small, now.plus(Duration.ofDays(1)), Duration.ofSeconds(30));
        insertForms(forms, batch + "-due", 100, formsSearchedAt.minusSeconds(1), Duration.ZERO);
        insertForms(forms, batch + "-f", small, formsSearchedAt.plus(Duration.ofDays(1)), Duration.ofSeconds(30));
        double textsSmall = median(() -> leaseSearch(texts));
        double formsSmall = median(() -> deadlineSearch(forms, formsSearchedAt));
        insertTexts(texts, batch + "-g", large - small, now.plus(Duration.ofDays(2)), Duration.ofSeconds(5));
        insertForms(
                forms, batch + "-g", large - small, formsSearchedAt.plus(Duration.ofDays(2)), Duration.ofSeconds(5));
        double textsLarge = median(() -> leaseSearch(texts));
        double formsLarge = median(() -> deadlineSearch(forms, formsSearchedAt));
        String at = "B5 lease cost";
        figures.add(at, "search with " + small + " future texts, ms", textsSmall);
        figures.add(at, "search with " + large + " future texts, ms", textsLarge);
        figures.add(at, "ratio", textsLarge / Math.max(0.001, textsSmall));
        figures.add(at, "form deadlines: search with " + small + " future forms, ms", formsSmall);
        figures.add(at, "form deadlines: search with " + large + " future forms, ms", formsLarge);
        figures.add(at, "form deadlines: ratio", formsLarge / Math.max(0.001, formsSmall));
        Benchmarks.log(
                "B5: lease search %.2f ms with %d future texts, %.2f ms with %d; deadline search %.2f / %.2f ms",
                textsSmall, small, textsLarge, large, formsSmall, formsLarge);
        // nothing removed: the system and its store are thrown away after B5, and deleting a million documents took
        // the store (in this process) beyond its heap
    }

    /** The median time of a search, in ms, over {@link #SEARCHES} after as many unmeasured. */
    private static double median(java.util.function.IntSupplier search) {
        List<Long> nanos = new ArrayList<>();
        for (int r = 0; r < 2 * SEARCHES; r++) {
            long start = System.nanoTime();
            int found = search.getAsInt();
            if (r >= SEARCHES) {
                nanos.add(System.nanoTime() - start);
            }
            if (found != 100) {
                throw new IllegalStateException("the search found " + found + " of the 100 due");
            }
        }
        nanos.sort(Long::compare);
        return nanos.get(nanos.size() / 2) / 1_000_000.0;
    }

    /** The searches OutgoingMessages.leaseDue makes: urgent due texts, due texts, texts of dead instances. */
    private static int leaseSearch(MongoCollection<Document> texts) {
        Date now = new Date();
        var due = Filters.and(
                Filters.eq("status", "PLANNED"),
                Filters.lte("dueAt", now),
                Filters.or(Filters.eq("turnAt", null), Filters.lte("turnAt", now)));
        var abandoned = Filters.and(Filters.eq("status", "LEASED"), Filters.lt("leaseUntil", now));
        texts.find(Filters.and(due, Filters.eq("plan.urgent", true)))
                .sort(Sorts.ascending("dueAt"))
                .limit(200)
                .projection(Projections.include("_id"))
                .into(new ArrayList<>());
        var found = texts.find(due)
                .sort(Sorts.ascending("dueAt"))
                .limit(200)
                .projection(Projections.include("_id"))
                .into(new ArrayList<>());
        texts.find(abandoned).limit(200).projection(Projections.include("_id")).into(new ArrayList<>());
        return found.size();
    }

    /** The search PatientForms.pastDue makes: forms still requested whose deadline has passed, earliest first. */
    private static int deadlineSearch(MongoCollection<Document> forms, Instant at) {
        return forms.find(Filters.and(Filters.eq("form.status", "REQUESTED"), Filters.lte("form.dueAt", Date.from(at))))
                .sort(Sorts.ascending("form.dueAt"))
                .limit(200)
                .into(new ArrayList<>())
                .size();
    }

    private static void insertForms(
            MongoCollection<Document> forms, String prefix, int count, Instant first, Duration apart) {
        List<Document> chunk = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = prefix + ":" + i;
            chunk.add(new Document("_id", id)
                    .append("key", id)
                    .append(
                            "form",
                            new Document("id", id)
                                    .append("kind", "CHECKLIST")
                                    .append("status", "REQUESTED")
                                    .append("patientId", prefix + "-p" + (i % 5000))
                                    .append("seriesId", prefix + "-s" + (i % 5000))
                                    .append("clinicId", "front-range")
                                    .append("dueAt", Date.from(first.plus(apart.multipliedBy(i)))))
                    .append("tokenHashes", List.of())
                    .append("outbox", List.of())
                    .append("version", 0L));
            if (chunk.size() == 5000 || i == count - 1) {
                forms.insertMany(chunk);
                chunk.clear();
            }
        }
    }

    private static void insertTexts(
            MongoCollection<Document> texts, String prefix, int count, Instant first, Duration apart) {
        List<Document> chunk = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Date due = Date.from(first.plus(apart.multipliedBy(i)));
            chunk.add(new Document("_id", prefix + ":" + i)
                    .append("planKey", prefix + ":" + i)
                    .append(
                            "plan",
                            new Document("planKey", prefix + ":" + i)
                                    .append("kind", "SESSION_REMINDER")
                                    .append("patientId", prefix + "-p" + (i % 5000))
                                    .append("dueAt", due)
                                    .append("urgent", false))
                    .append("status", "PLANNED")
                    .append("dueAt", due)
                    .append("attempts", 0)
                    .append("outbox", List.of()));
            if (chunk.size() == 5000 || i == count - 1) {
                texts.insertMany(chunk);
                chunk.clear();
            }
        }
    }
}
