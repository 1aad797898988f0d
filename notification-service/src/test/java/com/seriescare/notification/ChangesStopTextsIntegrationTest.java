package com.seriescare.notification;

import static com.seriescare.notification.TextingIntegrationTest.booked;
import static com.seriescare.notification.TextingIntegrationTest.registered;
import static com.seriescare.notification.TextingIntegrationTest.sessionsOf;
import static com.seriescare.notification.TextingIntegrationTest.textsTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.seriescare.contracts.scheduling.AppointmentStatus;
import com.seriescare.contracts.scheduling.PatientRegistered;
import com.seriescare.contracts.scheduling.SessionCancelled;
import com.seriescare.contracts.scheduling.SessionRescheduled;
import com.seriescare.contracts.scheduling.SessionScheduled;
import com.seriescare.contracts.scheduling.SmsConsent;
import com.seriescare.contracts.scheduling.SmsConsentChanged;
import com.seriescare.notification.dispatch.MessageStatus;
import com.seriescare.notification.dispatch.OutgoingMessage;
import com.seriescare.notification.dispatch.OutgoingMessages;
import com.seriescare.notification.planning.MessageKind;
import com.seriescare.testsupport.EventPublisherForTests;
import com.seriescare.testsupport.MutableClock;
import com.seriescare.testsupport.RecordedTopics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A cancelled or moved session, or withdrawn consent, stops the texts that were planned for it. */
@NotificationServiceTest
class ChangesStopTextsIntegrationTest {

    static final EventPublisherForTests events = new EventPublisherForTests();
    static final RecordedTopics topics = RecordedTopics.of(com.seriescare.contracts.Topics.NOTIFICATION_EVENTS);

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
        topics.close();
    }

    @Test
    void aSessionCancelledAMinuteBeforeItsPrepTextIsDueGetsNoText() {
        var patient = registered(true, "en", "America/Denver");
        SessionScheduled session = bookOneSession(patient);
        OutgoingMessage prep = awaitPrepTips(patient.patientId(), 1);

        clock.set(prep.dueAt().minus(Duration.ofMinutes(1)));
        events.publish(cancelled(session, 2));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> prepTips(patient.patientId()).getFirst().status() == MessageStatus.CANCELLED);
        clock.set(prep.dueAt().plus(Duration.ofMinutes(5)));

        // held well past a few dispatcher polls: the confirmation and the cancellation notice, no prep text
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(10))
                .until(() -> textsTo(patient.mobilePhone()).size() == 2);
        assertThat(textsTo(patient.mobilePhone()).get(1).body()).contains("is cancelled");
        assertThat(prepTips(patient.patientId()).getFirst().reason()).contains("cancelled");
    }

    @Test
    void aTextThatCameDueAfterItsSessionBeganIsDroppedAndTheTimelineSaysWhy() {
        // after an outage the dispatcher found the day-of reminder still planned, an hour after the session began
        var patient = registered(true, "en", "America/Denver");
        SessionScheduled session = bookOneSession(patient);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> dayOfReminder(patient.patientId()).isPresent());

        clock.set(session.start().plus(Duration.ofHours(1)));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> dayOfReminder(patient.patientId()).orElseThrow().status() == MessageStatus.CANCELLED);
        assertThat(dayOfReminder(patient.patientId()).orElseThrow().reason()).contains("session had begun");
        assertThat(prepTips(patient.patientId()).getFirst().status()).isEqualTo(MessageStatus.CANCELLED);
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(5))
                .until(() -> textsTo(patient.mobilePhone()).size() == 1); // the booking confirmation only
    }

    @Test
    void aPatientWhoCheckedInGetsNoReminderForThatSession() {
        var patient = registered(true, "en", "America/Denver");
        SessionScheduled session = bookOneSession(patient);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> dayOfReminder(patient.patientId()).isPresent());
        Instant reminderDue = dayOfReminder(patient.patientId()).orElseThrow().dueAt();

        // early for the session: checked in before the reminder went out
        clock.set(reminderDue.minus(Duration.ofMinutes(10)));
        events.publish(new com.seriescare.contracts.scheduling.SessionCheckedIn(
                session.patientId(),
                session.seriesId(),
                session.sessionId(),
                session.sequence(),
                session.sessionCount(),
                session.start(),
                session.timeZone(),
                session.durationMinutes(),
                session.clinicId(),
                session.revision(),
                com.seriescare.contracts.scheduling.AppointmentStatus.arrived,
                clock.instant()));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> dayOfReminder(patient.patientId()).orElseThrow().status() == MessageStatus.CANCELLED);
        clock.set(reminderDue.plusSeconds(60));

        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(5))
                .until(() -> textsTo(patient.mobilePhone()).stream()
                        .noneMatch(t -> t.body().contains("today")));
        assertThat(dayOfReminder(patient.patientId()).orElseThrow().reason()).isEqualTo("the patient has checked in");
    }

    @Test
    void aTextWhosePatientNeverArrivesWaitsEverLessOftenAndIsGivenUpSayingWhy() {
        // it was put back every 30 s forever, each time announcing itself as planned again
        String patientId = "never-arrives-" + UUID.randomUUID();
        messages.plan(new com.seriescare.notification.planning.PlannedMessage(
                patientId + ":confirmation",
                com.seriescare.notification.planning.MessageKind.BOOKING_CONFIRMATION,
                patientId,
                "series-x",
                null,
                0,
                clock.instant(),
                List.of(clock.instant().plus(Duration.ofDays(9))),
                null,
                false,
                null));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> messages.forPatient(patientId).getFirst().waitingForContactSince() != null);
        Instant firstRetry = messages.forPatient(patientId).getFirst().dueAt();
        assertThat(firstRetry).isEqualTo(clock.instant().plusSeconds(30));

        // two hours later it has waited two hours: the next try is a quarter of an hour away, not 30 s
        clock.set(NotificationServiceTest.NOW.plus(Duration.ofHours(2)));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> messages.forPatient(patientId)
                        .getFirst()
                        .dueAt()
                        .equals(clock.instant().plus(Duration.ofMinutes(15))));

        clock.set(NotificationServiceTest.NOW.plus(Duration.ofHours(25)));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> messages.forPatient(patientId).getFirst().status() == MessageStatus.CANCELLED);
        assertThat(messages.forPatient(patientId).getFirst().reason()).contains("contact details never arrived");
        // the timeline heard "planned" when it was planned, once more when it began to wait, and the cancellation
        await().atMost(Duration.ofSeconds(10))
                .until(() -> topics.forKey(patientId).stream()
                        .map(r -> r.body().replaceAll(".*\"status\":\"([a-z_]+)\".*", "$1"))
                        .toList()
                        .equals(List.of("planned", "planned", "cancelled")));
    }

    @Test
    void aMovedSessionGetsItsPrepTextForTheNewTimeOnly() {
        var patient = registered(true, "en", "America/Denver");
        SessionScheduled session = bookOneSession(patient);
        OutgoingMessage oldPrep = awaitPrepTips(patient.patientId(), 1);

        Instant newStart = session.start().plus(Duration.ofDays(2));
        events.publish(new SessionRescheduled(
                session.patientId(),
                session.seriesId(),
                session.sessionId(),
                1,
                1,
                newStart,
                session.timeZone(),
                90,
                session.clinicId(),
                2,
                AppointmentStatus.booked,
                session.start()));
        List<OutgoingMessage> plans = await().atMost(Duration.ofSeconds(30))
                .until(() -> prepTips(patient.patientId()), list -> list.size() == 2);

        assertThat(plans)
                .filteredOn(m -> m.plan().sessionRevision() == 1)
                .singleElement()
                .satisfies(m -> assertThat(m.status()).isEqualTo(MessageStatus.CANCELLED));
        OutgoingMessage newPrep = plans.stream()
                .filter(m -> m.plan().sessionRevision() == 2)
                .findFirst()
                .orElseThrow();
        assertThat(newPrep.dueAt()).isEqualTo(oldPrep.dueAt().plus(Duration.ofDays(2)));

        // the notice of the move goes out at once; the prep text for the new time when it is due
        await().atMost(Duration.ofSeconds(30))
                .until(() -> textsTo(patient.mobilePhone()).size() == 2);
        assertThat(textsTo(patient.mobilePhone()).get(1).body()).contains("has moved to Thu Dec 3 11:00 AM MST");
        clock.set(newPrep.dueAt());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> textsTo(patient.mobilePhone()).size() == 3);
        // the fake has the text a moment before the dispatcher records Twilio's answer
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(prepTips(patient.patientId()))
                        .extracting(m -> m.plan().sessionRevision() + ":" + m.status())
                        .containsExactlyInAnyOrder("1:CANCELLED", "2:SENT"));
    }

    @Test
    void withdrawnConsentCancelsEverythingPendingForThePatient() {
        var patient = registered(true, "en", "America/Denver");
        bookOneSession(patient);
        OutgoingMessage prep = awaitPrepTips(patient.patientId(), 1);

        events.publish(new SmsConsentChanged(
                patient.patientId(),
                patient.clinicId(),
                new SmsConsent(false, "phone-call", prep.dueAt(), "frontdesk"),
                1));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> prepTips(patient.patientId()).getFirst().status() == MessageStatus.CANCELLED);
        clock.set(prep.dueAt());

        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(10))
                .until(() -> textsTo(patient.mobilePhone()).size() == 1);
        assertThat(prepTips(patient.patientId()).getFirst().reason()).contains("consent");
    }

    @Test
    void aConsentChangeThatArrivesLateNeverUndoesANewerOne() {
        // granted (revision 1) then withdrawn (revision 2), published by two scheduling replicas and arriving
        // withdrawn first; then the registration (revision 0, consent granted) is delivered again
        var patient = registered(true, "en", "America/Denver");
        bookOneSession(patient);
        OutgoingMessage prep = awaitPrepTips(patient.patientId(), 1);
        events.publish(new SmsConsentChanged(
                patient.patientId(),
                patient.clinicId(),
                new SmsConsent(false, "phone-call", prep.dueAt().minusSeconds(60), "frontdesk"),
                2));
        events.publish(new SmsConsentChanged(
                patient.patientId(),
                patient.clinicId(),
                new SmsConsent(true, "phone-call", prep.dueAt().minusSeconds(120), "frontdesk"),
                1));
        events.publish(patient);
        SessionScheduled another =
                sessionsOf(booked(patient.patientId(), "2026-12-03T11:00")).getFirst();
        events.publish(another);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> prepTips(patient.patientId()).stream()
                        .anyMatch(m -> m.plan().sessionId().equals(another.sessionId())));
        clock.set(prep.dueAt().plus(Duration.ofDays(2)));

        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(10))
                .until(() -> textsTo(patient.mobilePhone()).size() == 1);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(prepTips(patient.patientId()))
                        .allSatisfy(m -> assertThat(m.status()).isEqualTo(MessageStatus.CANCELLED)));
    }

    /** A patient with one Tuesday session at 11:00; waits until the booking confirmation went out. */
    private SessionScheduled bookOneSession(PatientRegistered patient) {
        var series = booked(patient.patientId(), "2026-12-01T11:00");
        events.publish(patient);
        events.publish(series);
        SessionScheduled session = sessionsOf(series).getFirst();
        events.publish(session);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> textsTo(patient.mobilePhone()).size() == 1);
        return session;
    }

    private OutgoingMessage awaitPrepTips(String patientId, int count) {
        return await().atMost(Duration.ofSeconds(30))
                .until(() -> prepTips(patientId), list -> list.size() == count)
                .getFirst();
    }

    private java.util.Optional<OutgoingMessage> dayOfReminder(String patientId) {
        return messages.forPatient(patientId).stream()
                .filter(m -> m.plan().kind() == MessageKind.DAY_OF_REMINDER)
                .findFirst();
    }

    private List<OutgoingMessage> prepTips(String patientId) {
        return messages.forPatient(patientId).stream()
                .filter(m -> TextingIntegrationTest.isPrepTips(m))
                .toList();
    }

    /** The session cancelled by the front desk, at the given revision. */
    static SessionCancelled cancelled(SessionScheduled s, int revision) {
        return new SessionCancelled(
                s.patientId(),
                s.seriesId(),
                s.sessionId(),
                s.sequence(),
                s.sessionCount(),
                s.start(),
                s.timeZone(),
                s.durationMinutes(),
                s.clinicId(),
                revision,
                AppointmentStatus.cancelled,
                "patient is unwell",
                NotificationServiceTest.NOW);
    }
}
