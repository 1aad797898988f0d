package com.seriescare.notification.dispatch;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.seriescare.notification.patients.PatientContact;
import com.seriescare.notification.patients.PatientContacts;
import com.seriescare.notification.planning.PlannedMessage;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * What becomes of texts, for Prometheus and the operators' alerts: each change counted as it is saved
 * ({@code seriescare_texts_planned|sent|delivered|failed|cancelled_total}, by kind and clinic), how late texts go out
 * ({@code seriescare_dispatch_lag_seconds}: sent minus due), and what is stuck (texts in doubt; the oldest due text not
 * sent yet). Counts and times only: never a patient, a number or a word of a text.
 */
@Component
class TextMetrics {

    /** The changes counted; a text's other moves (leased, held, in doubt) are states, not outcomes. */
    static final Set<String> OUTCOMES = Set.of("planned", "sent", "delivered", "failed", "cancelled");

    private final MeterRegistry registry;
    private final PatientContacts contacts;
    private final Clock clock;

    /**
     * Which clinic each patient's texts count for: a tag, asked of the store once per patient rather than once per
     * text (the most recent patients, a bounded number; a patient moved to another clinic counts for the old one
     * until forgotten here or the service restarts).
     */
    private final Map<String, String> clinicOfPatient =
            Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                    return size() > 10_000;
                }
            });

    private final Timer.Builder lag = Timer.builder("seriescare.dispatch.lag")
            .description("From when a text was due to when it was handed to the SMS provider")
            .publishPercentileHistogram()
            .maximumExpectedValue(Duration.ofHours(1));

    TextMetrics(MeterRegistry registry, MongoTemplate mongo, PatientContacts contacts, Clock clock) {
        this.registry = registry;
        this.contacts = contacts;
        this.clock = clock;
        Gauge.builder(
                        "seriescare.texts.in.doubt",
                        mongo,
                        store -> store.count(
                                query(where(OutgoingMessage.STATUS).is(MessageStatus.IN_DOUBT)), OutgoingMessage.class))
                .description("Texts whose hand-over to the SMS provider has an unknown outcome")
                .register(registry);
        Gauge.builder("seriescare.texts.due.oldest.age", mongo, this::oldestDueAgeSeconds)
                .baseUnit("seconds")
                .description("How long the oldest text that is due has waited to go out")
                .register(registry);
    }

    /** A change of a text was saved, announced as {@code status}; {@code message} is the text before it. */
    void changed(OutgoingMessage message, String status) {
        counted(message.plan(), status);
        if (status.equals("sent")) {
            lag.tags("kind", kind(message.plan()))
                    .register(registry)
                    .record(Duration.between(message.dueAt(), clock.instant()).abs());
        }
    }

    void counted(PlannedMessage plan, String status) {
        if (OUTCOMES.contains(status)) {
            registry.counter("seriescare.texts." + status, "kind", kind(plan), "clinic", clinicOf(plan))
                    .increment();
        }
    }

    private double oldestDueAgeSeconds(MongoTemplate mongo) {
        Instant now = clock.instant();
        var oldest = mongo.findOne(
                query(where(OutgoingMessage.STATUS)
                                .is(MessageStatus.PLANNED)
                                .and(OutgoingMessage.DUE_AT)
                                .lte(now))
                        .with(Sort.by(OutgoingMessage.DUE_AT))
                        .limit(1),
                OutgoingMessage.class);
        return oldest == null ? 0 : Duration.between(oldest.dueAt(), now).toMillis() / 1000.0;
    }

    /** A patient's text speaks for the patient's clinic (its plan names none); a page names the alert's. */
    private String clinicOf(PlannedMessage plan) {
        if (plan.clinicId() != null) {
            return plan.clinicId();
        }
        String known = clinicOfPatient.get(plan.patientId());
        if (known != null) {
            return known;
        }
        String clinic = contacts.find(plan.patientId())
                .map(PatientContact::clinicId)
                .filter(id -> id != null)
                .orElse(null);
        if (clinic == null) {
            return "unknown";
        }
        clinicOfPatient.put(plan.patientId(), clinic);
        return clinic;
    }

    private static String kind(PlannedMessage plan) {
        return plan.kind().name().toLowerCase(Locale.ROOT);
    }
}
