package com.seriescare.servicesupport.events;

import com.seriescare.contracts.MalformedEventException;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * How every consumer meets a failure. A record that can never be handled (it cannot be decoded or validated: a
 * {@link MalformedEventException}) goes at once to the binding's dead-letter topic with the exception in its headers,
 * and the partition moves on. Anything else is taken for a dependency that is down (MongoDB, Kafka, a timeout) and
 * the same record is tried again, with backoff growing to {@link #MAX_BACKOFF}, for as long as it takes: it is never
 * skipped, so the records behind it (the same patient's among them) keep their order. The binder's own retry (a few
 * attempts, then the dead-letter topic for any exception) used to turn a two-minute MongoDB outage into cancelled
 * sessions that still got their reminders.
 */
public final class ConsumerFaults implements ListenerContainerWithDlqAndRetryCustomizer {

    static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(ConsumerFaults.class);

    private final KafkaTemplate<byte[], byte[]> deadLetters;
    private final MeterRegistry meters;

    /**
     * @param client the Kafka client settings (brokers, and the binder's TLS/SASL settings: {@link KafkaClients})
     * @param meters where each dead-lettered record is counted ({@code seriescare_dead_letters_total}, by topic)
     */
    public ConsumerFaults(Map<String, Object> client, MeterRegistry meters) {
        Map<String, Object> producer = new java.util.HashMap<>(client);
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        this.deadLetters = new KafkaTemplate<>(
                new DefaultKafkaProducerFactory<>(producer, new ByteArraySerializer(), new ByteArraySerializer()));
        this.meters = meters;
    }

    /** Retries and dead letters are the container's job, not the binding's. */
    @Override
    public boolean retryAndDlqInBinding(String destinationName, String group) {
        return false;
    }

    @Override
    public void configure(
            AbstractMessageListenerContainer<?, ?> container,
            String destinationName,
            String group,
            @Nullable BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
            @Nullable BackOff backOff) {
        ConsumerRecordRecoverer recoverer = dlqDestinationResolver == null
                ? (record, e) -> log.error(
                        "Skipping a record of {} that can never be handled (no dead-letter topic)", destinationName, e)
                : deadLettered(
                        new DeadLetterPublishingRecoverer(deadLetters, dlqDestinationResolver), destinationName, group);
        var handler = new DefaultErrorHandler(recoverer, untilItWorks());
        // looked for along the causes: the listener wraps what the handler threw
        handler.addNotRetryableExceptions(MalformedEventException.class);
        handler.setRetryListeners((record, e, attempt) -> {
            if (attempt == 1 || attempt % 10 == 0) {
                log.warn(
                        "Record {}-{}@{} failed (attempt {}), retrying until it works: {}",
                        record.topic(),
                        record.partition(),
                        record.offset(),
                        attempt,
                        e.toString());
            }
        });
        container.setCommonErrorHandler(handler);
    }

    /**
     * Publishes to the dead-letter topic, then counts it: an operator is alerted on any dead letter. The count exists
     * from the start at 0, so that Prometheus sees the first dead letter as an increase.
     */
    private ConsumerRecordRecoverer deadLettered(ConsumerRecordRecoverer publish, String topic, String group) {
        var counter = meters.counter("seriescare.dead.letters", "topic", topic, "group", group == null ? "" : group);
        return (record, e) -> {
            publish.accept(record, e);
            counter.increment();
        };
    }

    static BackOff untilItWorks() {
        var backOff = new ExponentialBackOff(FIRST_BACKOFF.toMillis(), 2.0);
        backOff.setMaxInterval(MAX_BACKOFF.toMillis());
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        return backOff;
    }
}
