package com.seriescare.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.seriescare.servicesupport.retention.Retention;
import java.time.Instant;
import java.time.Period;
import java.util.Date;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/** What the service keeps and for how long, as configured, enforced by the daily sweep. */
@SchedulingServiceTest
class RetentionIntegrationTest {

    @Autowired
    Retention retention;

    @Autowired
    MongoTemplate mongo;

    @Test
    void theInboxIsKeptSixYearsAndIdempotencyKeysTwoDaysThenTheSweepRemovesThem() {
        assertThat(retention.rules())
                .contains(
                        new Retention.Rule("inbox", "receivedAt", Period.ofYears(6)),
                        new Retention.Rule("idempotency_keys", "at", Period.ofDays(2)));
        String old = "retention-old-" + UUID.randomUUID();
        String kept = "retention-kept-" + UUID.randomUUID();
        Instant now = SchedulingServiceTest.NOW;
        mongo.insert(
                new Document("_id", old).append("receivedAt", Date.from(now.minus(Period.ofDays(6 * 366 + 1)))),
                "inbox");
        mongo.insert(
                new Document("_id", kept).append("receivedAt", Date.from(now.minus(Period.ofDays(5 * 365)))), "inbox");
        String staleKey = "retention-key-" + UUID.randomUUID();
        mongo.insert(
                new Document("_id", staleKey).append("at", Date.from(now.minus(Period.ofDays(3)))), "idempotency_keys");

        var removed = retention.forgetExpired();

        assertThat(removed.get("inbox")).isGreaterThanOrEqualTo(1);
        assertThat(mongo.exists(query(where("_id").is(old)), "inbox")).isFalse();
        assertThat(mongo.exists(query(where("_id").is(kept)), "inbox")).isTrue();
        assertThat(mongo.exists(query(where("_id").is(staleKey)), "idempotency_keys"))
                .isFalse();
        mongo.remove(query(where("_id").is(kept)), "inbox");
    }
}
