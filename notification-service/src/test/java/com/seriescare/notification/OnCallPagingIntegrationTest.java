package com.seriescare.notification;

import static com.seriescare.notification.NotificationServiceTest.TWILIO;
import static com.seriescare.notification.TextingIntegrationTest.textsTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.seriescare.contracts.Topics;
import com.seriescare.contracts.care.CareAlertAcknowledged;
import com.seriescare.contracts.care.CareAlertRaised;
import com.seriescare.contracts.scheduling.PatientRegistered;
import com.seriescare.contracts.scheduling.SmsConsent;
import com.seriescare.notification.patients.PatientContacts;
import com.seriescare.testsupport.EventPublisherForTests;
import com.seriescare.testsupport.MutableClock;
import com.seriescare.testsupport.RecordedTopics;
import com.seriescare.testsupport.TestClinics;
import com.seriescare.testsupport.TwilioFake;
import com.seriescare.testsupport.TwilioFake.SentMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A crisis at 2 a.m.: the patient gets the crisis answer and the clinic's on-call clinician a page within seconds, with
 * no health information in it; unacknowledged for 10 minutes (the test's clock) it pages the next on the rota; "ACK"
 * from the phone paged, or an acknowledgement in the web app, stops it.
 */
@NotificationServiceTest
class OnCallPagingIntegrationTest {

    static final String PUBLIC = "http://localhost:8083";
    static final String DR_ITO = "+13035550111";
    static final String DR_AMES = "+13035550112";
    static final String DR_REYES = "+19705550111";
    static final EventPublisherForTests events = new EventPublisherForTests();
    static final JsonMapper json = JsonMapper.builder().build();
    static RecordedTopics topics;
    static RecordedTopics replies;

    @LocalServerPort
    int port;

    @Autowired
    PatientContacts contacts;

    @Autowired
    MutableClock clock;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @Autowired
    com.seriescare.notification.paging.Paging paging;

    @BeforeAll
    static void record() {
        topics = RecordedTopics.of(Topics.CARE_ALERTS);
        replies = RecordedTopics.of(Topics.NOTIFICATION_EVENTS);
    }

    @AfterAll
    static void close() {
        events.close();
        topics.close();
        replies.close();
    }

    @AfterEach
    void resetClock() {
        clock.set(NotificationServiceTest.NOW);
    }

    @Test
    void aCrisisAtTwoInTheMorningPagesTheOnCallWithinSecondsThenTheNextOneAndAckStopsIt() {
        var patient = patientOf("front-range");
        clock.set(Instant.parse("2026-11-21T09:00:00Z")); // 02:00 in Denver

        Instant textedAt = Instant.now();
        text(patient.mobilePhone(), NotificationServiceTest.FROM, "I can't go on, I want to end my life");
        JsonNode alert = awaitAlertEvent(patient.patientId(), "clinic.care-alert.raised.v1");
        String alertId = alert.path("alertId").asString();
        SentMessage page = await().atMost(Duration.ofSeconds(5)).until(() -> pageOf(alertId, DR_ITO), p -> p != null);
        Duration textToPage = Duration.between(textedAt, page.receivedAt());
        System.out.printf(
                "crisis text to on-call page at Twilio: %d ms; page: %s%n", textToPage.toMillis(), page.body());

        assertThat(textToPage).isLessThan(Duration.ofSeconds(5));
        assertThat(meters.find("seriescare.crisis.page.latency").timer())
                .isNotNull()
                .satisfies(timer -> assertThat(timer.count()).isPositive());
        // and Prometheus scrapes it
        var scrape = com.seriescare.testsupport.JsonHttp.at("http://localhost:" + port)
                .as("operator", "operator")
                .get("/actuator/prometheus");
        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.body()).contains("seriescare_crisis_page_latency_seconds_count");
        assertThat(textsTo(patient.mobilePhone()))
                .anySatisfy(answer -> assertThat(answer.body()).contains("988"));
        assertThat(alert.path("clinicId").asString()).isEqualTo("front-range");
        // on a lock screen: the clinic, a code and a link; not who, not what they wrote, not why
        assertThat(page.body())
                .contains("Front Range Clinic", "urgent care alert", "/alerts/" + alertId, "ACK")
                .doesNotContain("end my life", "Sam", "Lee", "crisis", "suicid", patient.mobilePhone());
        assertThat(page.from()).isEqualTo(NotificationServiceTest.FROM);
        String code = page.body().replaceAll(".*reply ACK ([A-Z0-9]{4}).*", "$1");

        // nobody answers for ten minutes: the next on the rota
        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        SentMessage second =
                await().atMost(Duration.ofSeconds(10)).until(() -> pageOf(alertId, DR_AMES), p -> p != null);
        assertThat(second.body()).contains(code);
        JsonNode escalated = awaitAlertEvent(patient.patientId(), "clinic.care-alert.escalated.v1");
        assertThat(escalated.path("pagedName").asString()).isEqualTo("Dr. Ames");
        assertThat(escalated.path("round").asInt()).isEqualTo(2);
        assertThat(escalated.toString()).doesNotContain(DR_AMES);

        // Dr. Ames has it (and Twilio, missing our answer, delivers the same ACK again)
        String ackSid = "SM" + UUID.randomUUID().toString().replace("-", "");
        text(DR_AMES, NotificationServiceTest.FROM, "ack " + code.toLowerCase(), ackSid);
        text(DR_AMES, NotificationServiceTest.FROM, "ack " + code.toLowerCase(), ackSid);
        JsonNode ack = awaitAlertEvent(patient.patientId(), "clinic.care-alert.acknowledged.v1");
        assertThat(ack.path("acknowledgedBy").asString()).isEqualTo("Dr. Ames");
        assertThat(ack.path("via").asString()).isEqualTo("sms");

        clock.advance(Duration.ofMinutes(30));
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(6))
                .until(() -> pagesOf(alertId).size() == 2);
        // the clinician's ACK is no patient's reply
        assertThat(topics.forKey(InboundMessageReceivedKey.UNKNOWN))
                .noneMatch(r -> r.body().contains("ack"));
    }

    @Test
    void anUrgentSafetyAnswerPagesTheClinicsOwnOnCallAndAnAcknowledgementInTheWebAppStopsEscalation() {
        var patient = patientOf("west-slope");
        String alertId = UUID.randomUUID().toString();
        Instant answeredAt = clock.instant();

        events.publish(
                new CareAlertRaised(patient.patientId(), alertId, "safety_answer", "urgent", answeredAt, "west-slope"));

        SentMessage page =
                await().atMost(Duration.ofSeconds(15)).until(() -> pageOf(alertId, DR_REYES), p -> p != null);
        assertThat(page.body()).contains("West Slope Clinic").doesNotContain("Front Range");
        assertThat(page.from()).isEqualTo(TestClinics.WEST_SLOPE_SMS_NUMBER);

        events.publish(new CareAlertAcknowledged(
                patient.patientId(),
                alertId,
                "west-slope",
                "clinician",
                CareAlertAcknowledged.WEB,
                answeredAt.plusSeconds(60)));
        await().atMost(Duration.ofSeconds(15))
                .until(() -> paging.find(alertId).orElseThrow().acknowledged());
        clock.advance(Duration.ofMinutes(15));

        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(6))
                .until(() -> pagesOf(alertId).size() == 1);
    }

    /**
     * An urgent alert of a clinic whose settings (and so its rota) have not arrived yet is not dropped: it pages the
     * on-call clinician as soon as they do.
     */
    @Test
    void anUrgentAlertOfAClinicWhoseRotaIsNotKnownYetPagesAsSoonAsItIs() {
        String alertId = UUID.randomUUID().toString();
        String patientId = UUID.randomUUID().toString();

        events.publish(new CareAlertRaised(patientId, alertId, "crisis_language", "urgent", clock.instant(), "mesa"));
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(4))
                .until(() -> pagesOf(alertId).isEmpty());

        var base = TestClinics.westSlope();
        events.publish(new com.seriescare.contracts.clinic.ClinicSettingsPublished(
                "mesa",
                1,
                "Mesa Clinic",
                "Mesa Clinic",
                base.timeZone(),
                "+19705550300",
                base.phoneRegion(),
                null,
                base.texting(),
                List.of(new com.seriescare.contracts.clinic.ClinicSettingsPublished.OnCallClinician(
                        "Dr. Mesa", "+19705550311")),
                base.forms(),
                List.of(),
                null,
                base.publishedAt()));

        SentMessage page =
                await().atMost(Duration.ofSeconds(15)).until(() -> pageOf(alertId, "+19705550311"), p -> p != null);
        assertThat(page.body()).startsWith("Mesa Clinic: urgent care alert");
        assertThat(paging.find(alertId)).isPresent();
    }

    /** The key of replies from numbers no patient has. */
    static final class InboundMessageReceivedKey {
        static final String UNKNOWN = com.seriescare.contracts.notification.InboundMessageReceived.UNKNOWN_SENDER;
    }

    private static SentMessage pageOf(String alertId, String to) {
        return textsTo(to).stream()
                .filter(m -> m.body().contains("/alerts/" + alertId))
                .findFirst()
                .orElse(null);
    }

    private static List<SentMessage> pagesOf(String alertId) {
        return TWILIO.messages().stream()
                .filter(m -> m.body().contains("/alerts/" + alertId))
                .toList();
    }

    private PatientRegistered patientOf(String clinicId) {
        Instant now = NotificationServiceTest.NOW;
        var patient = new PatientRegistered(
                UUID.randomUUID().toString(),
                clinicId,
                "Sam",
                "Lee",
                "+1720557" + ThreadLocalRandom.current().nextInt(1000, 10000),
                "en",
                "America/Denver",
                new SmsConsent(true, "front-desk", now, "frontdesk"),
                now,
                0);
        events.publish(patient);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> contacts.find(patient.patientId()).isPresent());
        return patient;
    }

    private void text(String from, String to, String body) {
        text(from, to, body, "SM" + UUID.randomUUID().toString().replace("-", ""));
    }

    private void text(String from, String to, String body, String messageSid) {
        Map<String, String> form = Map.of(
                "From", from,
                "To", to,
                "Body", body,
                "MessageSid", messageSid,
                "AccountSid", TwilioFake.ACCOUNT_SID);
        assertThat(TWILIO.callWebhook(PUBLIC + "/twilio/inbound", "http://localhost:" + port + "/twilio/inbound", form))
                .isEqualTo(200);
    }

    private static JsonNode awaitAlertEvent(String patientId, String ceType) {
        return await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> topics.forKey(patientId).stream()
                                .filter(r -> ceType.equals(r.ceType()))
                                .map(r -> json.readTree(r.body()))
                                .toList(),
                        list -> !list.isEmpty())
                .getLast();
    }
}
