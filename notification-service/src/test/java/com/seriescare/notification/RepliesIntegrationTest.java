package com.seriescare.notification;

import static com.seriescare.notification.NotificationServiceTest.TWILIO;
import static com.seriescare.notification.TextingIntegrationTest.booked;
import static com.seriescare.notification.TextingIntegrationTest.registered;
import static com.seriescare.notification.TextingIntegrationTest.sessionsOf;
import static com.seriescare.notification.TextingIntegrationTest.textsTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.seriescare.contracts.Topics;
import com.seriescare.contracts.scheduling.PatientRegistered;
import com.seriescare.notification.dispatch.MessageStatus;
import com.seriescare.notification.dispatch.OutgoingMessages;
import com.seriescare.notification.patients.PatientContacts;
import com.seriescare.notification.planning.MessageKind;
import com.seriescare.testsupport.EventPublisherForTests;
import com.seriescare.testsupport.JsonHttp;
import com.seriescare.testsupport.MutableClock;
import com.seriescare.testsupport.RecordedTopics;
import com.seriescare.testsupport.RecordedTopics.Recorded;
import com.seriescare.testsupport.TwilioFake;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Patients' replies through Twilio's signed webhook, and delivery reports. */
@NotificationServiceTest
class RepliesIntegrationTest {

    /** What Twilio calls (the public URL); the test reaches the service on its random port. */
    static final String PUBLIC = "http://localhost:8083";

    static final EventPublisherForTests events = new EventPublisherForTests();
    static final JsonMapper json = JsonMapper.builder().build();
    static RecordedTopics topics;

    @LocalServerPort
    int port;

    @Autowired
    PatientContacts contacts;

    @Autowired
    OutgoingMessages messages;

    @Autowired
    MutableClock clock;

    @BeforeAll
    static void record() {
        topics = RecordedTopics.of(Topics.NOTIFICATION_EVENTS, Topics.CARE_ALERTS, Topics.PATIENT_WORDS);
    }

    @AfterAll
    static void close() {
        events.close();
        topics.close();
    }

    @AfterEach
    void resetClock() {
        clock.set(NotificationServiceTest.NOW);
    }

    @Test
    void aForgedOrUnsignedWebhookIsRefusedAndChangesNothing() {
        var patient = knownPatient();
        Map<String, String> stop = text(patient.mobilePhone(), "STOP");

        int unsigned = TWILIO.callWebhook(url("/twilio/inbound"), stop, null);
        int forged = TWILIO.callWebhook(
                url("/twilio/inbound"), stop, TwilioFake.sign("not-the-token", PUBLIC + "/twilio/inbound", stop));
        int wrongUrl = TWILIO.callWebhook("http://evil.example/twilio/inbound", url("/twilio/inbound"), stop);

        assertThat(List.of(unsigned, forged, wrongUrl)).containsOnly(403);
        assertThat(contacts.find(patient.patientId()).orElseThrow().smsConsent())
                .isTrue();
    }

    @Test
    void stopRevokesConsentAtOnceAndCancelsWhatIsPending() {
        var patient = knownPatient();
        var series = booked(patient.patientId(), "2026-12-01T09:00");
        events.publish(series);
        sessionsOf(series).forEach(events::publish);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> messages.forPatient(patient.patientId()).stream()
                        .anyMatch(m -> TextingIntegrationTest.isPrepTips(m)));

        // a minute after the front desk recorded consent (the history is ordered by when each fact happened)
        clock.advance(Duration.ofMinutes(1));
        assertThat(reply(patient, " stop ")).isEqualTo(200);

        assertThat(contacts.find(patient.patientId()).orElseThrow().smsConsent())
                .isFalse();
        assertThat(messages.forPatient(patient.patientId()))
                .filteredOn(m -> TextingIntegrationTest.isPrepTips(m))
                .allSatisfy(m -> assertThat(m.status()).isEqualTo(MessageStatus.CANCELLED));
        assertThat(awaitEvent(patient.patientId(), "clinic.reply.received.v1")
                        .path("intent")
                        .asString())
                .isEqualTo("stop");
        var history = JsonHttp.at("http://localhost:" + port)
                .as("frontdesk", "frontdesk")
                .get("/api/patients/" + patient.patientId() + "/consent-history")
                .json();
        assertThat(history.findValuesAsString("source")).containsExactly("front-desk", "sms-reply");
        assertThat(history.get(1).path("granted").asBoolean()).isFalse();
        assertThat(history.get(1).path("recordedBy").asString()).isEqualTo("patient");

        // the front desk's timeline hears of each text when it is planned and, with why, when it is cancelled
        var prepTips = messages.forPatient(patient.patientId()).stream()
                .filter(m -> TextingIntegrationTest.isPrepTips(m))
                .findFirst()
                .orElseThrow();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> eventsOf(patient.patientId(), "clinic.message.status-changed.v1").stream()
                        .filter(e -> e.path("messageId").asString().equals(prepTips.id()))
                        .map(e -> e.path("status").asString() + " "
                                + e.path("dueAt").asString() + " "
                                + e.path("reason").asString(""))
                        .toList()
                        .equals(List.of(
                                "planned " + prepTips.dueAt() + " ",
                                "cancelled " + prepTips.dueAt() + " the patient replied STOP")));
    }

    @Test
    void aStopFromANumberNotKnownYetHoldsForThePatientWhoArrivesWithItUntilStart() {
        // the STOP comes seconds after registration, before this service heard of the patient: it used to change
        // nothing, and the patient was then texted
        var patient = registered(true, "en", "America/Denver");
        assertThat(TWILIO.callWebhook(
                        PUBLIC + "/twilio/inbound", url("/twilio/inbound"), text(patient.mobilePhone(), "Stop.")))
                .isEqualTo(200);

        events.publish(patient);
        var series = booked(patient.patientId(), "2026-12-01T09:00");
        events.publish(series);
        sessionsOf(series).forEach(events::publish);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> messages.forPatient(patient.patientId()).stream()
                        .anyMatch(m -> m.plan().kind() == MessageKind.BOOKING_CONFIRMATION
                                && m.status() == MessageStatus.CANCELLED));
        assertThat(contacts.find(patient.patientId()).orElseThrow().smsConsent())
                .isFalse();
        // the front desk hears it as the patient's own STOP (scheduling records it on the patient)
        JsonNode stop = awaitEvent(patient.patientId(), "clinic.reply.received.v1");
        assertThat(stop.path("intent").asString()).isEqualTo("stop");
        assertThat(stop.path("needsHuman").asBoolean()).isFalse();
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(10))
                .until(() -> textsTo(patient.mobilePhone()).isEmpty());
        assertThat(messages.forPatient(patient.patientId()))
                .filteredOn(m -> m.status() == MessageStatus.CANCELLED)
                .extracting(m -> m.reason())
                .allSatisfy(reason -> assertThat(reason).contains("replied STOP"));

        // a second patient who shares the phone (a family member) is not texted either
        var sibling = new PatientRegistered(
                UUID.randomUUID().toString(),
                "front-range",
                "Luis",
                "Diaz",
                patient.mobilePhone(),
                "en",
                "America/Denver",
                patient.smsConsent(),
                patient.registeredAt(),
                0);
        events.publish(sibling);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> contacts.find(sibling.patientId())
                        .map(c -> !c.smsConsent())
                        .orElse(false));

        // START from the number restores texts for both
        reply(patient, "START");
        assertThat(contacts.find(patient.patientId()).orElseThrow().smsConsent())
                .isTrue();
        assertThat(contacts.find(sibling.patientId()).orElseThrow().smsConsent())
                .isTrue();
        var later = booked(patient.patientId(), "2026-12-08T09:00");
        events.publish(later);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> textsTo(patient.mobilePhone()).size() == 1);
    }

    @Test
    void crisisLanguageAtTwoInTheMorningAlertsAClinicianAndAnswersAtOnce() {
        var patient = knownPatient();
        clock.set(Instant.parse("2026-11-21T09:00:00Z")); // 02:00 in Denver

        reply(patient, "I can't do this anymore, I want to end my life");

        JsonNode alert = awaitEvent(patient.patientId(), "clinic.care-alert.raised.v1");
        assertThat(alert.path("severity").asString()).isEqualTo("urgent");
        assertThat(alert.path("reason").asString()).isEqualTo("crisis_language");
        var answer = await().atMost(Duration.ofSeconds(10))
                .until(() -> textsTo(patient.mobilePhone()), texts -> !texts.isEmpty())
                .getFirst();
        assertThat(answer.body()).contains("988", "911", "(303) 555-0100");
        JsonNode received = awaitEvent(patient.patientId(), "clinic.reply.received.v1");
        assertThat(received.path("needsHuman").asBoolean()).isTrue();
        // the alert says who and why; the words go to the clinic's inbox alone, on their own topic
        assertThat(alert.toString()).doesNotContain("end my life");
        assertThat(received.toString()).doesNotContain("end my life");
        assertThat(eventsOf(patient.patientId(), "clinic.patient-words.recorded.v1"))
                .extracting(words -> words.path("about").asString() + "="
                        + words.path("words").asString())
                .containsExactlyInAnyOrder(
                        received.path("inboundId").asString() + "=I can't do this anymore, I want to end my life",
                        alert.path("alertId").asString() + "=I can't do this anymore, I want to end my life");
    }

    /**
     * A patient texts STOP, then crisis words: the STOP's echo from scheduling-service (consent withdrawn) may arrive
     * after the crisis answer was planned. It must not cancel the answer: replies go to whoever wrote, consent or not.
     */
    @Test
    void aConsentWithdrawalArrivingAfterACrisisDoesNotCancelTheCrisisAnswer() {
        var patient = knownPatient();
        // the crisis answer, planned but not yet handed over (due in a minute)
        var answer = com.seriescare.notification.planning.PlannedMessage.reply(
                "in-" + patient.patientId(),
                MessageKind.CRISIS_RESPONSE,
                patient.patientId(),
                patient.mobilePhone(),
                "front-range",
                clock.instant().plusSeconds(60));
        messages.plan(answer);

        events.publish(new com.seriescare.contracts.scheduling.SmsConsentChanged(
                patient.patientId(),
                patient.clinicId(),
                new com.seriescare.contracts.scheduling.SmsConsent(false, "sms-stop", clock.instant(), "patient"),
                1));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !contacts.find(patient.patientId()).orElseThrow().smsConsent());

        assertThat(messages.forPatient(patient.patientId()))
                .filteredOn(m -> m.plan().kind() == MessageKind.CRISIS_RESPONSE)
                .singleElement()
                .satisfies(m -> assertThat(m.status()).isEqualTo(MessageStatus.PLANNED));
        clock.advance(Duration.ofSeconds(61));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> textsTo(patient.mobilePhone()).stream()
                        .anyMatch(t -> t.body().contains("988")));
    }

    @Test
    void freeTextGoesToAHumanWithoutACannedAnswerAndConsentStays() {
        var patient = knownPatient();

        reply(patient, "please stop texting me");

        JsonNode received = awaitEvent(patient.patientId(), "clinic.reply.received.v1");
        assertThat(received.path("intent").asString()).isEqualTo("other");
        assertThat(received.path("needsHuman").asBoolean()).isTrue();
        assertThat(received.has("body")).isFalse();
        assertThat(awaitEvent(patient.patientId(), "clinic.patient-words.recorded.v1")
                        .path("words")
                        .asString())
                .isEqualTo("please stop texting me");
        assertThat(contacts.find(patient.patientId()).orElseThrow().smsConsent())
                .isTrue();
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(5))
                .until(() -> textsTo(patient.mobilePhone()).isEmpty());
    }

    @Test
    void aLoneDigitIsAMoodOnlyAfterACheckInAndALowOneAlertsAClinician() {
        var patient = knownPatient();

        reply(patient, "2");
        JsonNode unprompted = awaitEvent(patient.patientId(), "clinic.reply.received.v1");
        assertThat(unprompted.path("intent").asString()).isEqualTo("other");
        assertThat(unprompted.path("needsHuman").asBoolean()).isTrue();

        // Twilio keeps us waiting for its answer: the patient has the check-in and answers it before we heard back
        TWILIO.answerLate(Duration.ofSeconds(2), true);
        messages.plan(new com.seriescare.notification.planning.PlannedMessage(
                "check-in-" + patient.patientId(),
                MessageKind.NEXT_DAY_CHECK_IN,
                patient.patientId(),
                "s",
                "x",
                0,
                clock.instant(),
                List.of(Instant.parse("2026-10-19T16:00:00Z")),
                null,
                false,
                null));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !textsTo(patient.mobilePhone()).isEmpty());
        // with its punctuation, as people type it: this crashed the webhook (500) and nobody heard of the low mood
        assertThat(reply(patient, "1.")).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20))
                .until(() -> eventsOf(patient.patientId(), "clinic.reply.received.v1")
                                .size()
                        == 2);
        assertThat(eventsOf(patient.patientId(), "clinic.reply.received.v1")
                        .get(1)
                        .path("intent")
                        .asString())
                .isEqualTo("mood");
        JsonNode alert = awaitEvent(patient.patientId(), "clinic.care-alert.raised.v1");
        assertThat(alert.path("reason").asString()).isEqualTo("low_mood");
        // the lowest mood is as urgent as crisis words (issue 14): the on-call clinician is paged
        assertThat(alert.path("severity").asString()).isEqualTo("urgent");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> textsTo("+13035550111").stream()
                        .anyMatch(page -> page.body()
                                .contains("/alerts/" + alert.path("alertId").asString())));
    }

    @Test
    void helpIsAnsweredWithTheClinicsNameAndPhone() {
        var patient = knownPatient();

        reply(patient, "help");

        var answer = await().atMost(Duration.ofSeconds(10))
                .until(() -> textsTo(patient.mobilePhone()), texts -> !texts.isEmpty())
                .getFirst();
        assertThat(answer.body()).isEqualTo("Front Range Clinic: call us at (303) 555-0100. Reply STOP to opt out.");
    }

    @Test
    void yesConfirmsTheNextSessionAndARetriedWebhookCountsOnce() {
        var patient = knownPatient();
        var series = booked(patient.patientId(), "2026-12-03T09:00", "2026-12-01T09:00");
        events.publish(series);
        sessionsOf(series).forEach(events::publish);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> messages.forPatient(patient.patientId()).stream()
                                .filter(m -> TextingIntegrationTest.isPrepTips(m))
                                .count()
                        == 2);
        Map<String, String> yes = text(patient.mobilePhone(), "YES");

        TWILIO.callWebhook(PUBLIC + "/twilio/inbound", url("/twilio/inbound"), yes);
        TWILIO.callWebhook(PUBLIC + "/twilio/inbound", url("/twilio/inbound"), yes);

        JsonNode confirmation = awaitEvent(patient.patientId(), "clinic.reply.session-confirmed.v1");
        assertThat(confirmation.path("sessionId").asString())
                .isEqualTo(series.sessions().stream()
                        .filter(s -> s.sequence() == 2)
                        .findFirst()
                        .orElseThrow()
                        .sessionId());
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(5))
                .until(() -> eventsOf(patient.patientId(), "clinic.reply.received.v1")
                                .size()
                        == 1);
    }

    @Test
    void deliveryReportsOnlyMoveForwardAndArePublishedOnce() {
        var patient = knownPatient();
        events.publish(booked(patient.patientId(), "2026-12-01T09:00"));
        var sent = await().atMost(Duration.ofSeconds(30))
                .until(() -> textsTo(patient.mobilePhone()), t -> !t.isEmpty())
                .getFirst();

        for (String status : List.of("delivered", "sent", "delivered", "queued")) {
            assertThat(reportOn(sent, status, null)).isEqualTo(204);
        }

        await().atMost(Duration.ofSeconds(10))
                .until(() -> eventsOf(patient.patientId(), "clinic.message.status-changed.v1").stream()
                        .anyMatch(e -> e.path("status").asString().equals("delivered")));
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(5))
                .until(() -> eventsOf(patient.patientId(), "clinic.message.status-changed.v1").stream()
                        .filter(e -> e.path("messageId").asString().equals(sentId(sent)))
                        .map(e -> e.path("status").asString())
                        .toList()
                        .equals(List.of("planned", "sent", "delivered")));
        assertThat(messages.forPatient(patient.patientId()).getFirst().deliveryStatus())
                .isEqualTo("delivered");
    }

    @Test
    void aLandlineReportedByTwilioStopsFurtherTextsAndTheTimelineSaysWhy() {
        // Twilio's callback said 30006 (landline or unreachable carrier): it was ignored and every text kept failing
        var patient = knownPatient();
        var series = booked(patient.patientId(), "2026-12-01T11:00");
        events.publish(series);
        sessionsOf(series).forEach(events::publish);
        var sent = await().atMost(Duration.ofSeconds(30))
                .until(() -> textsTo(patient.mobilePhone()), t -> !t.isEmpty())
                .getFirst();
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        messages.forPatient(patient.patientId()).stream().anyMatch(TextingIntegrationTest::isPrepTips));

        assertThat(reportOn(sent, "undelivered", "30006")).isEqualTo(204);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> contacts.find(patient.patientId()).orElseThrow().phoneProblem() != null);
        assertThat(contacts.find(patient.patientId()).orElseThrow().phoneProblem())
                .contains("30006");
        assertThat(messages.forPatient(patient.patientId()))
                .filteredOn(TextingIntegrationTest::isPrepTips)
                .allSatisfy(m -> assertThat(m.reason()).contains("landline"));
        JsonNode undelivered = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> eventsOf(patient.patientId(), "clinic.message.status-changed.v1").stream()
                                .filter(e -> e.path("status").asString().equals("undelivered"))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
        assertThat(undelivered.path("reason").asString()).contains("30006");
    }

    @Test
    void anUnreachableHandsetIsToldOnTheTimelineButTheNumberIsKept() {
        var patient = knownPatient();
        events.publish(booked(patient.patientId(), "2026-12-01T11:00"));
        var sent = await().atMost(Duration.ofSeconds(30))
                .until(() -> textsTo(patient.mobilePhone()), t -> !t.isEmpty())
                .getFirst();

        reportOn(sent, "undelivered", "30003");

        JsonNode undelivered = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> eventsOf(patient.patientId(), "clinic.message.status-changed.v1").stream()
                                .filter(e -> e.path("status").asString().equals("undelivered"))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
        assertThat(undelivered.path("reason").asString()).contains("30003", "switched off or out of coverage");
        assertThat(contacts.find(patient.patientId()).orElseThrow().phoneProblem())
                .isNull();
    }

    /** Twilio reports on a text it took, at the status-callback URL it was given (which names our text). */
    private int reportOn(TwilioFake.SentMessage sent, String status, String errorCode) {
        URI callback = URI.create(sent.statusCallback());
        Map<String, String> fields = new java.util.HashMap<>(
                Map.of("MessageSid", sent.sid(), "MessageStatus", status, "AccountSid", TwilioFake.ACCOUNT_SID));
        if (errorCode != null) {
            fields.put("ErrorCode", errorCode);
        }
        return TWILIO.callWebhook(sent.statusCallback(), url(callback.getPath() + "?" + callback.getQuery()), fields);
    }

    private PatientRegistered knownPatient() {
        var patient = registered(true, "en", "America/Denver");
        events.publish(patient);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> contacts.find(patient.patientId()).isPresent());
        return patient;
    }

    private int reply(PatientRegistered patient, String body) {
        return TWILIO.callWebhook(
                PUBLIC + "/twilio/inbound", url("/twilio/inbound"), text(patient.mobilePhone(), body));
    }

    private static Map<String, String> text(String from, String body) {
        return Map.of(
                "From",
                from,
                "To",
                NotificationServiceTest.FROM,
                "Body",
                body,
                "MessageSid",
                "SM" + UUID.randomUUID().toString().replace("-", ""),
                "AccountSid",
                TwilioFake.ACCOUNT_SID);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private JsonNode awaitEvent(String patientId, String ceType) {
        return await().atMost(Duration.ofSeconds(20))
                .until(() -> eventsOf(patientId, ceType), list -> !list.isEmpty())
                .getLast();
    }

    /** Our id of a text, as its status callback names it. */
    private static String sentId(TwilioFake.SentMessage sent) {
        return URI.create(sent.statusCallback()).getQuery().replaceFirst("^message=", "");
    }

    private static List<JsonNode> eventsOf(String patientId, String ceType) {
        return topics.forKey(patientId).stream()
                .filter(r -> ceType.equals(r.ceType()))
                .map(Recorded::body)
                .map(json::readTree)
                .toList();
    }
}
