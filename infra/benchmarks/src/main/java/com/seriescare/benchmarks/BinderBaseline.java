package com.seriescare.benchmarks;

import com.seriescare.servicesupport.outbox.EventPublisher;
import com.seriescare.servicesupport.outbox.PendingEvent;
import com.seriescare.servicesupport.tracing.TraceParents;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.stream.Collectors;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.cloud.stream.binding.BindingService;

/**
 * B3's baseline: the events the relay publishes, sent straight through the binder from memory, with no outbox to read,
 * record or empty. It runs inside notification-service's own jar (its classpath, started through Spring Boot's
 * {@code PropertiesLauncher}), with the services' JVM options and producer settings, and publishes through the same
 * {@link EventPublisher} (CloudEvents headers, a span per event, a synchronous send), each patient's events in order
 * and up to as many patients side by side as the relay. So relay ÷ baseline is what the outbox costs.
 *
 * <p>System properties: {@code baseline.events} (a file of tab-separated lines: id, key, subject, JSON body),
 * {@code baseline.result} (where the events timed and the milliseconds they took are written), {@code baseline.topic},
 * {@code baseline.type}, {@code baseline.patients-at-once}. Spring's settings come as arguments.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class BinderBaseline {

    public static void main(String[] args) throws Exception {
        var lines = Files.readAllLines(Path.of(System.getProperty("baseline.events")));
        String topic = System.getProperty("baseline.topic");
        String type = System.getProperty("baseline.type");
        Instant now = Instant.now();
        List<PendingEvent> events = lines.stream()
                .map(line -> line.split("\t", 4))
                .map(f -> new PendingEvent(f[0], type, topic, f[1], f[2], now, now, f[3], "system", null))
                .toList();
        Map<String, List<PendingEvent>> byPatient = events.stream()
                .collect(Collectors.groupingBy(PendingEvent::key, LinkedHashMap::new, Collectors.toList()));
        try (var context = new SpringApplicationBuilder(BinderBaseline.class)
                .web(WebApplicationType.NONE)
                .run(args)) {
            var tracer = context.getBeanProvider(Tracer.class).getIfAvailable();
            var traces = tracer == null
                    ? TraceParents.none()
                    : new TraceParents(
                            tracer, context.getBeanProvider(Propagator.class).getIfAvailable(() -> Propagator.NOOP));
            var publisher = new EventPublisher(
                    context.getBean(BindingService.class), context, "/seriescare/benchmarks", traces);
            // the topic's producer binding is made on the first send (the relay's was made by its first passes)
            publisher.publish(events.getFirst());
            byPatient.get(events.getFirst().key()).removeFirst();
            var inFlight = new Semaphore(Integer.getInteger("baseline.patients-at-once", 1024));
            long started = System.nanoTime();
            try (var patients = Executors.newVirtualThreadPerTaskExecutor()) {
                for (List<PendingEvent> ofOnePatient : byPatient.values()) {
                    patients.execute(() -> {
                        inFlight.acquireUninterruptibly();
                        try {
                            ofOnePatient.forEach(publisher::publish);
                        } finally {
                            inFlight.release();
                        }
                    });
                }
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            publisher.destroy();
            Files.writeString(Path.of(System.getProperty("baseline.result")), (events.size() - 1) + " " + millis);
        }
    }
}
