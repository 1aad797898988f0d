package com.seriescare.notification;

import static com.seriescare.notification.TextingIntegrationTest.booked;
import static com.seriescare.notification.TextingIntegrationTest.registered;
import static com.seriescare.notification.TextingIntegrationTest.sessionsOf;
import static com.seriescare.notification.TextingIntegrationTest.textsTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.seriescare.contracts.scheduling.AppointmentStatus;
import com.seriescare.contracts.scheduling.SessionCompleted;
import com.seriescare.contracts.scheduling.SessionScheduled;
import com.seriescare.notification.dispatch.OutgoingMessage;
import com.seriescare.notification.dispatch.OutgoingMessages;
import com.seriescare.testsupport.EventPublisherForTests;
import com.seriescare.testsupport.MutableClock;
import com.seriescare.testsupport.TwilioFake.SentMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A whole series, text by text: a Spanish-speaking patient in New York treated at a Denver clinic, six sessions on
 * Mondays and Thursdays at 09:00 clinic time (11:00 for the patient).
 */
@NotificationServiceTest
class SeriesTimelineIntegrationTest {

    static final EventPublisherForTests events = new EventPublisherForTests();
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

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
    void theFullTimelineOfTextsOverASixSessionSeries() {
        var patient = registered(true, "es", "America/New_York");
        var series = booked(
                patient.patientId(),
                "2026-11-30T09:00",
                "2026-12-03T09:00",
                "2026-12-07T09:00",
                "2026-12-10T09:00",
                "2026-12-14T09:00",
                "2026-12-17T09:00");
        List<SessionScheduled> sessions = sessionsOf(series);
        events.publish(patient);
        events.publish(series);
        sessions.forEach(events::publish);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> textsTo(patient.mobilePhone()).size() == 1);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> messages.forPatient(patient.patientId()).size() == 13);

        // the series unfolds: each text is sent when its time comes, each session ends 90 minutes after it started
        for (SessionScheduled session : sessions) {
            sendEverythingDueBy(patient.patientId(), session.start());
            clock.set(session.start().plus(Duration.ofMinutes(90)));
            events.publish(new SessionCompleted(
                    session.patientId(),
                    session.seriesId(),
                    session.sessionId(),
                    session.sequence(),
                    session.sessionCount(),
                    session.start(),
                    session.timeZone(),
                    session.durationMinutes(),
                    session.clinicId(),
                    3,
                    AppointmentStatus.fulfilled,
                    clock.instant()));
            long expected = 2 + (session.sequence() >= 2 && session.sequence() <= 4 || session.sequence() == 6 ? 3 : 2);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> planned(patient.patientId(), session.sessionId()) == expected);
        }
        sendEverythingDueBy(patient.patientId(), Instant.parse("2026-12-20T00:00:00Z"));

        List<OutgoingMessage> timeline = messages.forPatient(patient.patientId());
        assertThat(timeline.stream()
                        .sorted(Comparator.comparing(OutgoingMessage::dueAt))
                        .map(this::describe))
                .containsExactly(
                        "BOOKING_CONFIRMATION 2026-10-20T12:00",
                        "PREP_TIPS 2026-11-29T18:00",
                        "DAY_OF_REMINDER 2026-11-30T08:00",
                        "POST_SESSION 2026-11-30T12:45",
                        "NEXT_DAY_CHECK_IN 2026-12-01T10:00",
                        "PREP_TIPS 2026-12-02T18:00",
                        "DAY_OF_REMINDER 2026-12-03T08:00",
                        "POST_SESSION 2026-12-03T12:45",
                        "NEXT_DAY_CHECK_IN 2026-12-04T10:00",
                        "MID_SERIES_NOTE 2026-12-04T17:00",
                        "PREP_TIPS 2026-12-06T18:00",
                        "DAY_OF_REMINDER 2026-12-07T08:00",
                        "POST_SESSION 2026-12-07T12:45",
                        "NEXT_DAY_CHECK_IN 2026-12-08T10:00",
                        "MID_SERIES_NOTE 2026-12-08T17:00",
                        "PREP_TIPS 2026-12-09T18:00",
                        "DAY_OF_REMINDER 2026-12-10T08:00",
                        "POST_SESSION 2026-12-10T12:45",
                        "NEXT_DAY_CHECK_IN 2026-12-11T10:00",
                        "MID_SERIES_NOTE 2026-12-11T17:00",
                        "PREP_TIPS 2026-12-13T18:00",
                        "DAY_OF_REMINDER 2026-12-14T08:00",
                        "POST_SESSION 2026-12-14T12:45",
                        "NEXT_DAY_CHECK_IN 2026-12-15T10:00",
                        "PREP_TIPS 2026-12-16T18:00",
                        "DAY_OF_REMINDER 2026-12-17T08:00",
                        "POST_SESSION 2026-12-17T12:45",
                        "NEXT_DAY_CHECK_IN 2026-12-18T10:00",
                        "END_OF_SERIES 2026-12-18T12:00");

        // every text was sent once, in Spanish, with times in the patient's zone
        List<SentMessage> texts = textsTo(patient.mobilePhone());
        assertThat(texts).hasSize(29);
        assertThat(timeline).allSatisfy(m -> assertThat(m.status().name()).isEqualTo("SENT"));
        assertThat(texts).allSatisfy(text -> assertThat(text.body()).doesNotContain("Hi ", "Thank you", "your "));
        assertThat(texts.getFirst().body())
                .startsWith("Hola Ana, sus citas en Front Range Clinic quedaron reservadas: 30/11 11:00 EST");
        assertThat(texts)
                .filteredOn(t -> t.body().contains("emociones fuertes"))
                .hasSize(3);
        assertThat(texts).filteredOn(t -> t.body().contains("terminó su serie")).hasSize(1);
        assertThat(texts)
                .filteredOn(t -> t.body().contains("del 1 (muy mal) al 5"))
                .hasSize(6);
        assertThat(texts)
                .filteredOn(t -> t.body().contains("le esperamos hoy a las 11:00 EST"))
                .hasSize(6);
    }

    private long planned(String patientId, String sessionId) {
        return messages.forPatient(patientId).stream()
                .filter(m -> sessionId.equals(m.plan().sessionId()))
                .count();
    }

    /** Moves the clock to each planned text's due time in turn, up to {@code until}, and waits for it to be sent. */
    private void sendEverythingDueBy(String patientId, Instant until) {
        List<OutgoingMessage> due = messages.forPatient(patientId).stream()
                .filter(m -> m.status().name().equals("PLANNED") && !m.dueAt().isAfter(until))
                .sorted(Comparator.comparing(OutgoingMessage::dueAt))
                .toList();
        for (OutgoingMessage message : due) {
            clock.set(message.dueAt());
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> messages.forPatient(patientId).stream()
                            .anyMatch(m -> m.id().equals(message.id())
                                    && m.status().name().equals("SENT")));
        }
    }

    private String describe(OutgoingMessage message) {
        return message.plan().kind() + " " + LocalDateTime.ofInstant(message.dueAt(), NEW_YORK);
    }
}
