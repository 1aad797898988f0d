package com.seriescare.notification;

import static com.seriescare.notification.NotificationServiceTest.TWILIO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.seriescare.contracts.Topics;
import com.seriescare.contracts.scheduling.AppointmentStatus;
import com.seriescare.contracts.scheduling.BookedSession;
import com.seriescare.contracts.scheduling.PatientRegistered;
import com.seriescare.contracts.scheduling.SeriesBooked;
import com.seriescare.contracts.scheduling.SessionScheduled;
import com.seriescare.contracts.scheduling.SmsConsent;
import com.seriescare.notification.dispatch.MessageStatus;
import com.seriescare.notification.dispatch.OutgoingMessage;
import com.seriescare.notification.dispatch.OutgoingMessages;
import com.seriescare.notification.planning.MessageKind;
import com.seriescare.testsupport.EventPublisherForTests;
import com.seriescare.testsupport.MutableClock;
import com.seriescare.testsupport.RecordedTopics;
import com.seriescare.testsupport.TwilioFake.SentMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@NotificationServiceTest
class TextingIntegrationTest {

    static final EventPublisherForTests events = new EventPublisherForTests();
    static final ZoneId DENVER = ZoneId.of("America/Denver");

    @Autowired
    OutgoingMessages messages;

    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.set(NotificationServiceTest.NOW);
    }

    @AfterAll
    static void close() {
        events.close();
    }

    @Test
    void confirmsABookedSeriesOnceThroughTwilioEvenWhenEventsAreRedelivered() {
        var patient = registered(true, "en", "America/Denver");
        var series = booked(patient.patientId(), "2026-12-01T09:00", "2026-12-03T09:00");
        events.publish(patient);
        String seriesEventId = events.publish(series);
        sessionsOf(series).forEach(events::publish);

        SentMessage confirmation = await().atMost(Duration.ofSeconds(30))
                .until(() -> textsTo(patient.mobilePhone()), texts -> !texts.isEmpty())
                .getFirst();
        assertThat(confirmation.body())
                .isEqualTo("Hi Ana, your appointments at Front Range Clinic are booked: Tue Dec 1 9:00 AM MST, "
                        + "Thu Dec 3 9:00 AM MST. Questions? (303) 555-0100. Reply STOP to opt out.");
        assertThat(confirmation.from()).isEqualTo(NotificationServiceTest.FROM);
        assertThat(confirmation.statusCallback()).startsWith("http://localhost:8083/twilio/status?message=");

        // the same event again (a redelivery) and the same content under a new event id (a replay)
        events.publish(series, seriesEventId);
        events.publish(series);
        sessionsOf(series).forEach(events::publish);
        // a later event of the same patient (same partition, so handled after the replays) shows they were handled
        var secondSeries = booked(patient.patientId(), "2027-01-05T09:00");
        events.publish(secondSeries);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> textsTo(patient.mobilePhone()).size() == 2);

        assertThat(textsTo(patient.mobilePhone()))
                .extracting(SentMessage::body)
                .filteredOn(body -> body.contains("Dec 1"))
                .hasSize(1);
        assertThat(messages.forPatient(patient.patientId()))
                .filteredOn(m -> TextingIntegrationTest.isPrepTips(m))
                .hasSize(2);
    }

    @Test
    void sendsPrepTipsAtSixTheEveningBeforeInThePatientsOwnZone() {
        var patient = registered(true, "es", "America/New_York");
        var series = booked(patient.patientId(), "2026-12-01T09:00");
        events.publish(patient);
        events.publish(series);
        sessionsOf(series).forEach(events::publish);

        OutgoingMessage prep = await().atMost(Duration.ofSeconds(30))
                .until(() -> planned(patient.patientId(), MessageKind.PREP_TIPS), m -> m != null);
        assertThat(prep.dueAt()).isEqualTo(Instant.parse("2026-11-30T23:00:00Z")); // 18:00 EST
        await().atMost(Duration.ofSeconds(30))
                .until(() -> textsTo(patient.mobilePhone()).size() == 1);

        clock.set(Instant.parse("2026-11-30T22:59:00Z"));
        clock.set(prep.dueAt());

        await().atMost(Duration.ofSeconds(30))
                .until(() -> textsTo(patient.mobilePhone()).size() == 2);
        assertThat(textsTo(patient.mobilePhone()).get(1).body())
                .isEqualTo("Hola Ana, su cita en Front Range Clinic es mañana a las 11:00 EST. Coma algo ligero unas "
                        + "horas antes, beba agua y organice quién le lleve a casa. (303) 555-0100");
    }

    @Test
    void prepTipsKeepSixInTheEveningForAPatientInAnotherZoneOnBothClockChanges() {
        // clinic in Denver, patient in New York; the evenings before are the days the clocks change
        var patient = registered(true, "en", "America/New_York");
        var series = booked(patient.patientId(), "2026-11-02T09:00", "2027-03-15T09:00");
        events.publish(patient);
        events.publish(series);
        sessionsOf(series).forEach(events::publish);

        List<OutgoingMessage> prep = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> messages.forPatient(patient.patientId()).stream()
                                .filter(m -> TextingIntegrationTest.isPrepTips(m))
                                .sorted(java.util.Comparator.comparing(OutgoingMessage::dueAt))
                                .toList(),
                        list -> list.size() == 2);

        assertThat(prep.get(0).dueAt()).isEqualTo(Instant.parse("2026-11-01T23:00:00Z")); // 18:00 EST, UTC-5
        assertThat(prep.get(1).dueAt()).isEqualTo(Instant.parse("2027-03-14T22:00:00Z")); // 18:00 EDT, UTC-4
    }

    @Test
    void textsNobodyWhoHasNotConsented() {
        var patient = registered(false, "en", "America/Denver");
        var series = booked(patient.patientId(), "2026-12-01T09:00");
        events.publish(patient);
        events.publish(series);

        await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> planned(patient.patientId(), MessageKind.BOOKING_CONFIRMATION),
                        m -> m != null && m.status() == MessageStatus.CANCELLED);
        assertThat(planned(patient.patientId(), MessageKind.BOOKING_CONFIRMATION)
                        .reason())
                .contains("consent");
        assertThat(textsTo(patient.mobilePhone())).isEmpty();
    }

    @Test
    void retriesWhenTwilioIsBusyAndSendsOnce() {
        var patient = registered(true, "en", "America/Denver");
        events.publish(patient);
        TWILIO.failNextTo(patient.mobilePhone(), 2, 429, 20429, "Too Many Requests");
        events.publish(booked(patient.patientId(), "2026-12-01T09:00"));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> textsTo(patient.mobilePhone()).size() == 1);
        assertThat(TWILIO.attemptsTo(patient.mobilePhone())).isEqualTo(3);
        // the fake has it once Twilio's answer is on its way back; the service saves SENT when it has read that answer
        await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> planned(patient.patientId(), MessageKind.BOOKING_CONFIRMATION)
                                .status(),
                        MessageStatus.SENT::equals);
        assertThat(TWILIO.attemptsTo(patient.mobilePhone())).isEqualTo(3);
    }

    @Test
    void doesNotRetryAnInvalidNumber() {
        var patient = registered(true, "en", "America/Denver");
        events.publish(patient);
        // Twilio's message quotes the number, as its API does
        TWILIO.failNextTo(patient.mobilePhone(), 1, 400, 21211, "Invalid 'To' Phone Number: " + patient.mobilePhone());
        events.publish(booked(patient.patientId(), "2026-12-01T09:00"));

        OutgoingMessage failed = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> planned(patient.patientId(), MessageKind.BOOKING_CONFIRMATION),
                        m -> m != null && m.status() == MessageStatus.FAILED);
        assertThat(failed.reason()).contains("21211", "not a valid phone number");
        // the reason goes to the timeline, Today and notification.events: our words, not the number
        assertThat(failed.reason()).doesNotContain(patient.mobilePhone().substring(2));
        assertThat(failed.attempts()).isEqualTo(1);
    }

    @Test
    void aMalformedEventGoesToTheDeadLetterTopicAndTheConsumerMovesOn() {
        try (var dlq = RecordedTopics.of("scheduling.session-events.notification-service.dlq")) {
            var patient = registered(true, "en", "America/Denver");
            events.publishRaw(
                    Topics.SESSION_EVENTS,
                    patient.patientId(),
                    Map.of("ce_id", "bad-1", "ce_type", "clinic.series.booked.v1", "ce_specversion", "1.0"),
                    "{\"patientId\":\"only this\"}".getBytes());
            events.publish(patient);
            events.publish(booked(patient.patientId(), "2026-12-01T09:00"));

            var deadLetter = await().atMost(Duration.ofSeconds(30))
                    .until(() -> dlq.forKey(patient.patientId()), records -> !records.isEmpty())
                    .getFirst();
            // with what went wrong, for an operator to read and re-drive
            assertThat(deadLetter.headers().keySet()).anyMatch(name -> name.contains("exception-message"));
            assertThat(deadLetter.headers().keySet()).anyMatch(name -> name.contains("original-topic"));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> textsTo(patient.mobilePhone()).size() == 1);
        }
    }

    private OutgoingMessage planned(String patientId, MessageKind kind) {
        return messages.forPatient(patientId).stream()
                .filter(m -> m.plan().kind() == kind)
                .findFirst()
                .orElse(null);
    }

    /** The evening-before text, whether or not it also asks for the confirmation (sessions before 10:00). */
    static boolean isPrepTips(OutgoingMessage m) {
        return m.plan().kind() == MessageKind.PREP_TIPS || m.plan().kind() == MessageKind.PREP_TIPS_AND_CONFIRM;
    }

    static List<SentMessage> textsTo(String phone) {
        return TWILIO.messages().stream().filter(m -> m.to().equals(phone)).toList();
    }

    /** Numbers 1000 to 9999 of the 720-555 exchange, in turn (0177 and 0188 are fixed numbers of other tests). */
    private static final java.util.concurrent.atomic.AtomicInteger NEXT_PHONE =
            new java.util.concurrent.atomic.AtomicInteger(1000);

    static PatientRegistered registered(boolean consent, String language, String zone) {
        // one number per patient: a random one met another test's patient now and then, and its texts with it
        String phone = "+1720555" + NEXT_PHONE.getAndIncrement();
        Instant now = NotificationServiceTest.NOW;
        return new PatientRegistered(
                UUID.randomUUID().toString(),
                "front-range",
                "Ana",
                "Diaz",
                phone,
                language,
                zone,
                new SmsConsent(consent, "front-desk", now, "frontdesk"),
                now,
                0);
    }

    static SeriesBooked booked(String patientId, String... localStarts) {
        String seriesId = UUID.randomUUID().toString();
        List<BookedSession> sessions = new java.util.ArrayList<>();
        for (int i = 0; i < localStarts.length; i++) {
            LocalDateTime local = LocalDateTime.parse(localStarts[i]);
            sessions.add(new BookedSession(
                    UUID.randomUUID().toString(),
                    i + 1,
                    local.atZone(DENVER).toInstant(),
                    local,
                    "America/Denver",
                    90));
        }
        return new SeriesBooked(patientId, seriesId, "front-range", sessions, NotificationServiceTest.NOW);
    }

    static List<SessionScheduled> sessionsOf(SeriesBooked series) {
        return series.sessions().stream()
                .map(s -> new SessionScheduled(
                        series.patientId(),
                        series.seriesId(),
                        s.sessionId(),
                        s.sequence(),
                        series.sessions().size(),
                        s.start(),
                        s.timeZone(),
                        s.durationMinutes(),
                        series.clinicId(),
                        1,
                        AppointmentStatus.booked))
                .toList();
    }
}
