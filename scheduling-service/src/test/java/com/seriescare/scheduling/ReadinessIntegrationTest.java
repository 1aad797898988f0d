package com.seriescare.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.seriescare.contracts.Topics;
import com.seriescare.contracts.intake.ChecklistCompleted;
import com.seriescare.contracts.intake.ChecklistOverdue;
import com.seriescare.contracts.intake.ChecklistRequested;
import com.seriescare.contracts.intake.IntakeCompleted;
import com.seriescare.contracts.intake.IntakeFlagged;
import com.seriescare.contracts.intake.IntakeOverdue;
import com.seriescare.contracts.intake.IntakeReviewed;
import com.seriescare.contracts.notification.MessageStatusChanged;
import com.seriescare.contracts.notification.SessionConfirmationReceived;
import com.seriescare.testsupport.EventPublisherForTests;
import com.seriescare.testsupport.JsonHttp;
import com.seriescare.testsupport.RecordedTopics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

/** The day view follows intake and notification events, whatever their order and however often they come. */
@SchedulingServiceTest
class ReadinessIntegrationTest {

    static final EventPublisherForTests events = new EventPublisherForTests();
    static RecordedTopics topics;
    static final Instant T = Instant.parse("2026-11-20T18:00:00Z");

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    JsonHttp api;
    String patientId;
    String seriesId;
    String firstSession;

    @BeforeAll
    static void record() {
        topics = RecordedTopics.of(Topics.SESSION_EVENTS);
    }

    @AfterAll
    static void close() {
        events.close();
        topics.close();
    }

    @BeforeEach
    void bookASeries() {
        mongo.remove(new Query(), "series");
        api = Api.frontDesk(port);
        patientId = Api.registerPatient(api);
        var booked = api.post(
                "/api/series",
                "{\"patientId\":\"%s\",\"sessions\":[{\"start\":\"2026-12-01T09:00\"},{\"start\":\"2026-12-03T09:00\"}]}"
                        .formatted(patientId));
        seriesId = booked.json().path("id").asString();
        firstSession = booked.json().path("sessions").get(0).path("id").asString();
    }

    @Test
    void aNewSessionIsNotReadyAndTheDayListsOnlyThatDaysSessions() {
        JsonNode day = api.get("/api/sessions?date=2026-12-01").json();

        assertThat(day.path("sessions")).hasSize(1);
        JsonNode session = day.path("sessions").get(0);
        assertThat(session.path("localStart").asString()).isEqualTo("2026-12-01T09:00:00");
        assertThat(session.path("patientName").asString()).isEqualTo("Ana Diaz");
        assertThat(session.path("sequence").asInt()).isEqualTo(1);
        assertThat(session.path("sessionCount").asInt()).isEqualTo(2);
        assertThat(session.path("readiness").path("intakeComplete").asBoolean()).isFalse();
        assertThat(session.path("ready").asBoolean()).isFalse();
        assertThat(api.get("/api/sessions?date=2026-12-02").json().path("sessions"))
                .isEmpty();
        assertThat(Api.integration(port).get("/api/sessions?date=2026-12-01").status())
                .isEqualTo(200);
    }

    @Test
    void followsIntakeAndNotificationEventsOutOfOrderAndDuplicated() {
        // the checklist before the intake, every event twice, and the text's statuses backwards
        var checklist = new ChecklistCompleted(patientId, seriesId, firstSession, true, T, "patient");
        var intake = new IntakeCompleted(patientId, seriesId, T.minusSeconds(3600), "patient");
        events.publish(checklist);
        events.publish(checklist);
        events.publish(new MessageStatusChanged(
                patientId, "m-1", "prep_tips", seriesId, firstSession, "delivered", T.plusSeconds(5)));
        events.publish(new MessageStatusChanged(
                patientId, "m-1", "prep_tips", seriesId, firstSession, "sent", T.plusSeconds(2)));
        events.publish(intake);
        events.publish(intake);
        events.publish(new SessionConfirmationReceived(patientId, seriesId, firstSession, T.plusSeconds(60)));

        JsonNode session = await().atMost(Duration.ofSeconds(30))
                .until(() -> firstSessionOfTheDay(), s -> s.path("ready").asBoolean());

        JsonNode readiness = session.path("readiness");
        assertThat(readiness.path("intakeComplete").asBoolean()).isTrue();
        assertThat(readiness.path("checklistComplete").asBoolean()).isTrue();
        assertThat(readiness.path("rideHomeConfirmed").asBoolean()).isTrue();
        assertThat(readiness.path("confirmedByPatient").asBoolean()).isTrue();
        assertThat(readiness.path("lastText").path("status").asString()).isEqualTo("delivered");
    }

    @Test
    void aTextTwilioCouldNotDeliverShowsWhyOnTheDay() {
        events.publish(new MessageStatusChanged(
                patientId,
                "m-landline",
                "prep_tips",
                seriesId,
                firstSession,
                "undelivered",
                T.plusSeconds(5),
                null,
                "Twilio error 30006: a landline or a carrier that cannot receive texts"));

        JsonNode session = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> firstSessionOfTheDay(),
                        s -> "undelivered"
                                .equals(s.path("readiness")
                                        .path("lastText")
                                        .path("status")
                                        .asString()));
        assertThat(session.path("readiness").path("lastText").path("reason").asString())
                .contains("30006", "landline");
    }

    @Test
    void theDayAnswersOnceTheSeriesHasATextAndItsSessionsNoneYet() {
        // the booking confirmation is a text of the series; the day view answered 500 for every session after it
        events.publish(new MessageStatusChanged(
                patientId, "m-confirmation", "booking_confirmation", seriesId, null, "sent", T));

        JsonNode session = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> firstSessionOfTheDay(),
                        s -> "sent"
                                .equals(s.path("readiness")
                                        .path("lastText")
                                        .path("status")
                                        .asString()));

        assertThat(session.path("readiness").path("lastText").path("kind").asString())
                .isEqualTo("booking_confirmation");
    }

    @Test
    void aTextedConfirmationIsRecordedOnceHoweverOftenItIsDelivered() {
        var confirmation = new SessionConfirmationReceived(patientId, seriesId, firstSession, T);
        String eventId = events.publish(confirmation);
        events.publish(confirmation, eventId);
        events.publish(confirmation);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> firstSessionOfTheDay()
                        .path("readiness")
                        .path("confirmedByPatient")
                        .asBoolean());
        await().during(Duration.ofMillis(1500))
                .atMost(Duration.ofSeconds(10))
                .until(() -> topics.forKey(patientId).stream()
                                .filter(r -> "clinic.session.confirmed.v1".equals(r.ceType()))
                                .count()
                        == 1);
        assertThat(topics.forKey(patientId).stream()
                        .filter(r -> "clinic.session.confirmed.v1".equals(r.ceType()))
                        .findFirst()
                        .orElseThrow()
                        .body())
                .contains("\"channel\":\"sms\"");
    }

    @Test
    void aRideHomeNotArrangedKeepsTheSessionNotReady() {
        events.publish(new IntakeCompleted(patientId, seriesId, T, "patient"));
        events.publish(new ChecklistCompleted(patientId, seriesId, firstSession, false, T, "patient"));

        JsonNode session = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> firstSessionOfTheDay(),
                        s -> s.path("readiness").path("checklistComplete").asBoolean());

        assertThat(session.path("readiness").path("rideHomeConfirmed").asBoolean())
                .isFalse();
        assertThat(session.path("ready").asBoolean()).isFalse();
    }

    @Test
    void overdueFormsAndAnswersForAClinicianShowUntilTheyNoLongerApply() {
        Instant intakeDue = Instant.parse("2026-11-28T16:00:00Z");
        Instant checklistDue = Instant.parse("2026-11-30T16:00:00Z");
        events.publish(new IntakeOverdue(patientId, seriesId, "intake-" + seriesId, intakeDue));
        events.publish(
                new ChecklistRequested(patientId, seriesId, firstSession, "list-" + firstSession, checklistDue, T));
        events.publish(new ChecklistOverdue(patientId, seriesId, firstSession, "list-" + firstSession, checklistDue));
        var intakeFlag = new IntakeFlagged(
                patientId, seriesId, null, "intake-" + seriesId, "intake", List.of("high_blood_pressure"), T);
        events.publish(intakeFlag);
        events.publish(intakeFlag);
        events.publish(new IntakeFlagged(
                patientId,
                seriesId,
                firstSession,
                "list-" + firstSession,
                "checklist",
                List.of("medication_change", "high_blood_pressure"),
                T));

        JsonNode readiness = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> firstSessionOfTheDay().path("readiness"),
                        r -> r.path("checklistOverdue").asBoolean()
                                && r.path("clinicianToReview").asBoolean());
        assertThat(readiness.path("intakeOverdue").asBoolean()).isTrue();
        // that a clinician must look, not why: the front desk's day names no reason
        assertThat(readiness.toString()).doesNotContain("high_blood_pressure", "medication_change", "flags");

        // the session moved: its checklist is asked for by a later deadline, so it is not overdue any more
        events.publish(new ChecklistRequested(
                patientId,
                seriesId,
                firstSession,
                "list-" + firstSession,
                checklistDue.plus(Duration.ofDays(2)),
                T.plusSeconds(60)));
        // and the intake came in late
        events.publish(new IntakeCompleted(patientId, seriesId, T.plusSeconds(120), "patient"));

        await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> firstSessionOfTheDay().path("readiness"),
                        r -> !r.path("checklistOverdue").asBoolean()
                                && !r.path("intakeOverdue").asBoolean()
                                && r.path("intakeComplete").asBoolean());

        // a clinician reviewed the intake: the checklist still waits for one; then that too
        events.publish(new IntakeReviewed(
                patientId, seriesId, null, "intake-" + seriesId, "intake", "clinician", T.plusSeconds(180)));
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(5))
                .until(() -> firstSessionOfTheDay()
                        .path("readiness")
                        .path("clinicianToReview")
                        .asBoolean());
        events.publish(new IntakeReviewed(
                patientId,
                seriesId,
                firstSession,
                "list-" + firstSession,
                "checklist",
                "clinician",
                T.plusSeconds(240)));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !firstSessionOfTheDay()
                        .path("readiness")
                        .path("clinicianToReview")
                        .asBoolean(true));
    }

    private JsonNode firstSessionOfTheDay() {
        var day = api.get("/api/sessions?date=2026-12-01");
        assertThat(day.status()).as(day.body()).isEqualTo(200);
        return day.json().path("sessions").get(0);
    }

    @Test
    void everyConsumerTakesTheRecordsBytesAsTheyAreAndDecodesThemItself(
            @Autowired org.springframework.cloud.stream.config.BindingServiceProperties bindings) {
        // the binder's conversion parsed every record as JSON into byte[] first, failed, threw and fell back
        var consumers = bindings.getBindings().keySet().stream()
                .filter(name -> name.contains("-in-"))
                .toList();
        assertThat(consumers)
                .isNotEmpty()
                .allSatisfy(
                        name -> assertThat(bindings.getConsumerProperties(name).isUseNativeDecoding())
                                .as(name)
                                .isTrue());
    }
}
