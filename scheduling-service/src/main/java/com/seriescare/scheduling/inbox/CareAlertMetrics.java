package com.seriescare.scheduling.inbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

/**
 * Care alerts for Prometheus, read from the clinics' inboxes at each scrape: open alerts by severity
 * ({@code seriescare_care_alerts_open}), urgent ones nobody acknowledged ({@code ..._urgent_unacknowledged}) and how
 * long the oldest of those has waited ({@code ..._urgent_unacknowledged_oldest_age_seconds}: the operators are alerted
 * at 5 minutes, on top of the on-call rota's own escalation). Counts only, never a patient.
 */
@Component
class CareAlertMetrics {

    private final MongoTemplate mongo;
    private final Clock clock;

    CareAlertMetrics(MeterRegistry registry, MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        for (String severity : List.of("urgent", "high", "normal")) {
            Gauge.builder(
                            "seriescare.care.alerts.open",
                            () -> count(open().and("severity").is(severity)))
                    .tag("severity", severity)
                    .description("Care alerts no clinician has handled yet")
                    .register(registry);
        }
        Gauge.builder("seriescare.care.alerts.urgent.unacknowledged", () -> count(urgentUnacknowledged()))
                .description("Urgent care alerts nobody has acknowledged yet")
                .register(registry);
        Gauge.builder("seriescare.care.alerts.urgent.unacknowledged.oldest.age", this::oldestUnacknowledgedSeconds)
                .baseUnit("seconds")
                .description("How long the oldest unacknowledged urgent care alert has waited")
                .register(registry);
    }

    private static Criteria open() {
        return where("source").is("care_alert").and("handledAt").isNull();
    }

    private static Criteria urgentUnacknowledged() {
        return open().and("severity").is("urgent").and("paging.acknowledgedAt").isNull();
    }

    private long count(Criteria criteria) {
        return mongo.count(query(criteria), Inbox.COLLECTION);
    }

    private double oldestUnacknowledgedSeconds() {
        InboxItem oldest = mongo.findOne(
                query(urgentUnacknowledged()).with(Sort.by("receivedAt")).limit(1), InboxItem.class, Inbox.COLLECTION);
        return oldest == null
                ? 0
                : Math.max(
                        0,
                        Duration.between(oldest.receivedAt(), clock.instant()).toMillis() / 1000.0);
    }
}
