package com.seriescare.servicesupport.outbox;

import com.seriescare.contracts.EventCodec;
import com.seriescare.servicesupport.audit.AuditTrail;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.cloud.stream.binding.BindingService;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The transactional outbox for a service that lists its outbox collections in
 * {@code seriescare.outbox.collections}.
 */
@AutoConfiguration
@ConditionalOnProperty("seriescare.outbox.collections[0]")
@EnableConfigurationProperties(OutboxAutoConfiguration.OutboxProperties.class)
public class OutboxAutoConfiguration {

    /**
     * @param collections the collections whose documents carry an {@code outbox} array, in tie-break order
     * @param source the CloudEvents source of this service's events; it also names the relay lease its replicas share
     * @param lease how long the relay of a replica that died keeps the others from publishing
     */
    @ConfigurationProperties("seriescare.outbox")
    public record OutboxProperties(
            List<String> collections,
            String source,
            @DefaultValue("10s") Duration lease) {}

    /** The trace context kept with stored work (none when tracing is off). */
    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean
    com.seriescare.servicesupport.tracing.TraceParents traceParents(
            org.springframework.beans.factory.ObjectProvider<io.micrometer.tracing.Tracer> tracer,
            org.springframework.beans.factory.ObjectProvider<io.micrometer.tracing.propagation.Propagator> propagator) {
        var found = tracer.getIfAvailable();
        return found == null
                ? com.seriescare.servicesupport.tracing.TraceParents.none()
                : new com.seriescare.servicesupport.tracing.TraceParents(
                        found, propagator.getIfAvailable(() -> io.micrometer.tracing.propagation.Propagator.NOOP));
    }

    @Bean
    Outbox outbox(EventCodec codec, Clock clock, com.seriescare.servicesupport.tracing.TraceParents traces) {
        return new Outbox(codec, clock, traces);
    }

    @Bean
    EventPublisher eventPublisher(
            BindingService bindings,
            org.springframework.context.ApplicationContext context,
            OutboxProperties properties,
            com.seriescare.servicesupport.tracing.TraceParents traces) {
        return new EventPublisher(bindings, context, properties.source(), traces);
    }

    /**
     * The relay's own thread: publishing events must not wait behind a slow Twilio call or a deadline sweep (they
     * each have theirs), nor they behind a stalled broker.
     */
    @Bean
    org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler outboxRelayScheduler() {
        var scheduler = new org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler();
        scheduler.setPoolSize(1);
        scheduler.setThreadNamePrefix("outbox-relay-");
        scheduler.setWaitForTasksToCompleteOnShutdown(true);
        scheduler.setAwaitTerminationSeconds(10);
        return scheduler;
    }

    /**
     * Who did what to a patient's record, kept {@code seriescare.audit.retention} (default 6 years: HIPAA keeps its
     * documentation that long) and then forgotten by a daily sweep.
     */
    @Bean
    AuditTrail auditTrail(
            MongoTemplate mongo,
            Clock clock,
            @org.springframework.beans.factory.annotation.Value("${seriescare.audit.retention:P6Y}")
                    java.time.Period retention) {
        return new AuditTrail(mongo, clock, retention);
    }

    @Bean
    AuditRetention auditRetention(AuditTrail audit) {
        return new AuditRetention(audit);
    }

    @Bean
    OutboxRelay outboxRelay(
            MongoTemplate mongo, EventPublisher publisher, OutboxProperties properties, AuditTrail audit) {
        return new OutboxRelay(
                mongo,
                publisher,
                properties.collections(),
                "outbox-relay:" + properties.source(),
                properties.lease(),
                audit);
    }

    /**
     * The outbox's health for Prometheus: {@code seriescare_outbox_backlog} (events waiting to be published) and
     * {@code seriescare_outbox_oldest_age_seconds} (how long the oldest has waited; the alert fires over a minute).
     */
    @Bean
    org.springframework.beans.factory.InitializingBean outboxMetrics(
            OutboxRelay relay,
            org.springframework.beans.factory.ObjectProvider<io.micrometer.core.instrument.MeterRegistry> meters) {
        return () -> meters.ifAvailable(registry -> {
            io.micrometer.core.instrument.Gauge.builder("seriescare.outbox.backlog", relay, OutboxRelay::backlog)
                    .description("Events saved but not published yet")
                    .register(registry);
            io.micrometer.core.instrument.Gauge.builder(
                            "seriescare.outbox.oldest.age", relay, OutboxRelay::oldestWaitingSeconds)
                    .baseUnit("seconds")
                    .description("How long the oldest unpublished event has waited")
                    .register(registry);
        });
    }

    /** The daily sweep of audit entries past their retention (on the relay's thread: it is short and rare). */
    static final class AuditRetention {
        private final AuditTrail audit;

        AuditRetention(AuditTrail audit) {
            this.audit = audit;
        }

        @org.springframework.scheduling.annotation.Scheduled(
                fixedDelayString = "${seriescare.audit.sweep-interval:24h}",
                initialDelayString = "${seriescare.audit.sweep-delay:1m}",
                scheduler = "outboxRelayScheduler")
        void sweep() {
            audit.forgetExpired();
        }
    }
}
