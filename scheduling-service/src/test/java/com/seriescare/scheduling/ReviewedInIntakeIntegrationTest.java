package com.seriescare.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.seriescare.contracts.care.CareAlertRaised;
import com.seriescare.contracts.intake.IntakeReviewed;
import com.seriescare.testsupport.EventPublisherForTests;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A clinician may mark a form reviewed in intake-service's API instead of handling the alert that asked for it: the
 * alert then leaves the clinicians' open alerts too (it used to stay open for ever).
 */
@SchedulingServiceTest
class ReviewedInIntakeIntegrationTest {

    static final EventPublisherForTests events = new EventPublisherForTests();

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @AfterAll
    static void close() {
        events.close();
    }

    @Test
    void aFormReviewedInIntakesApiClosesTheAlertThatAskedForTheReview() {
        String patientId = Api.registerPatient(Api.frontDesk(port));
        String formId = UUID.randomUUID().toString();
        String alertId = IntakeReviewed.reviewAlertIdOf(formId);
        Instant raised = Instant.parse("2026-11-21T15:00:00Z");
        events.publish(new CareAlertRaised(patientId, alertId, "answers_to_review", "high", raised, "front-range"));
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.findById(alertId, Document.class, "inbox") != null);

        Instant reviewedAt = raised.plus(Duration.ofHours(2));
        events.publish(new IntakeReviewed(patientId, "series-" + formId, null, formId, "intake", "dr-lee", reviewedAt));

        Document alert = await().atMost(Duration.ofSeconds(20))
                .until(() -> mongo.findById(alertId, Document.class, "inbox"), found -> found.get("handledAt") != null);
        assertThat(alert.getString("handledBy")).isEqualTo("dr-lee");
        assertThat(alert.getDate("handledAt").toInstant()).isEqualTo(reviewedAt);
    }
}
