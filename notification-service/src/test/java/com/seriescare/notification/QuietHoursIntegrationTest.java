package com.seriescare.notification;

import static com.seriescare.notification.TextingIntegrationTest.booked;
import static com.seriescare.notification.TextingIntegrationTest.registered;
import static com.seriescare.notification.TextingIntegrationTest.textsTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.seriescare.contracts.Topics;
import com.seriescare.notification.dispatch.MessageStatus;
import com.seriescare.notification.dispatch.OutgoingMessage;
import com.seriescare.notification.dispatch.OutgoingMessages;
import com.seriescare.notification.planning.MessageKind;
import com.seriescare.notification.planning.PlannedMessage;
import com.seriescare.testsupport.EventPublisherForTests;
import com.seriescare.testsupport.MutableClock;
import com.seriescare.testsupport.RecordedTopics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/** No text reaches a patient between 21:00 and 08:00 in their own zone. */
@NotificationServiceTest
class QuietHoursIntegrationTest {

    static final EventPublisherForTests events = new EventPublisherForTests();

    @Autowired
    OutgoingMessages messages;

    @Autowired
    MutableClock clock;

    @Autowired
    com.seriescare.notification.patients.PatientContacts contacts;

    @Autowired
    com.seriescare.notification.clinic.ClinicDirectory clinics;

    @AfterEach
    void resetClock() {
        clock.set(NotificationServiceTest.NOW);
    }

    static RecordedTopics topics;
    static final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    static void record() {
        topics = RecordedTopics.of(Topics.NOTIFICATION_EVENTS);
    }

    @AfterAll
    static void close() {
        events.close();
        topics.close();
    }

    @Test
    void aSeriesBookedLateAtNightIsConfirmedAtEightInThePatientsMorning() {
        clock.set(Instant.parse("2026-11-21T06:00:00Z")); // 23:00 on the 20th in Denver
        var patient = registered(true, "en", "America/Denver");
        events.publish(patient);
        events.publish(booked(patient.patientId(), "2026-12-01T09:00"));

        OutgoingMessage confirmation =
                await().atMost(Duration.ofSeconds(30)).until(() -> first(patient.patientId()), m -> m != null);
        assertThat(confirmation.dueAt()).isEqualTo(Instant.parse("2026-11-21T15:00:00Z")); // 08:00 MST
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(5))
                .until(() -> textsTo(patient.mobilePhone()).isEmpty());

        clock.set(Instant.parse("2026-11-21T15:00:00Z"));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> textsTo(patient.mobilePhone()).size() == 1);
    }

    /** A clinic that keeps quiet from 20:00 to 09:00: its texts are planned and sent by its hours, not the default. */
    @Test
    void aClinicsOwnQuietHoursTimeItsPatientsTexts() {
        var base = com.seriescare.testsupport.TestClinics.frontRange();
        events.publish(new com.seriescare.contracts.clinic.ClinicSettingsPublished(
                "high-country",
                1,
                "High Country Clinic",
                "High Country Clinic",
                "America/Denver",
                "+17195550100",
                "US",
                null,
                new com.seriescare.contracts.clinic.ClinicSettingsPublished.Texting(
                        null, null, null, "20:00", "09:00", null),
                List.of(),
                base.forms(),
                List.of(),
                null,
                base.publishedAt()));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> clinics.find("high-country").isPresent());
        clock.set(Instant.parse("2026-11-21T06:00:00Z")); // 23:00 on the 20th in Denver
        var registered = registered(true, "en", "America/Denver");
        var patient = new com.seriescare.contracts.scheduling.PatientRegistered(
                registered.patientId(),
                "high-country",
                registered.firstName(),
                registered.lastName(),
                registered.mobilePhone(),
                registered.preferredLanguage(),
                registered.timeZone(),
                registered.smsConsent(),
                registered.registeredAt(),
                registered.patientRevision());
        events.publish(patient);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> contacts.find(patient.patientId()).isPresent());
        var series = booked(patient.patientId(), "2026-12-01T09:00");
        events.publish(new com.seriescare.contracts.scheduling.SeriesBooked(
                series.patientId(), series.seriesId(), "high-country", series.sessions(), series.bookedAt()));

        OutgoingMessage confirmation =
                await().atMost(Duration.ofSeconds(30)).until(() -> first(patient.patientId()), m -> m != null);
        // 09:00 MST, the clinic's morning; the deployment's default would have said 08:00
        assertThat(confirmation.dueAt()).isEqualTo(Instant.parse("2026-11-21T16:00:00Z"));

        clock.set(Instant.parse("2026-11-21T15:30:00Z")); // 08:30: past the default's quiet hours, not the clinic's
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> textsTo(patient.mobilePhone()).isEmpty());
        clock.set(Instant.parse("2026-11-21T16:00:00Z"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> textsTo(patient.mobilePhone()).size() == 1);
    }

    @Test
    void aTextThatFallsDueInQuietHoursIsHeldUntilMorningRightBeforeSending() {
        clock.set(Instant.parse("2026-11-21T10:00:00Z")); // 03:00 in Denver, 05:00 in New York
        var patient = registered(true, "en", "America/New_York");
        events.publish(patient);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> contacts.find(patient.patientId()).isPresent());
        // planned directly, as a retry or a replanned text would be, without the planning step's adjustment
        messages.plan(new PlannedMessage(
                "quiet-" + patient.patientId(),
                MessageKind.BOOKING_CONFIRMATION,
                patient.patientId(),
                "s",
                null,
                0,
                clock.instant(),
                List.of(Instant.parse("2026-12-01T16:00:00Z")),
                null,
                false,
                null));

        OutgoingMessage held = await().atMost(Duration.ofSeconds(30))
                .until(() -> first(patient.patientId()), m -> m != null && m.reason() != null);

        assertThat(held.status()).isEqualTo(MessageStatus.PLANNED);
        assertThat(held.reason()).contains("quiet hours");
        assertThat(held.dueAt()).isEqualTo(Instant.parse("2026-11-21T13:00:00Z")); // 08:00 EST
        assertThat(textsTo(patient.mobilePhone())).isEmpty();

        // the front desk's timeline learns the new time and why
        await().atMost(Duration.ofSeconds(10))
                .until(() -> topics.forKey(patient.patientId()).stream()
                        .filter(r -> "clinic.message.status-changed.v1".equals(r.ceType()))
                        .map(r -> json.readTree(r.body()))
                        .anyMatch(e -> e.path("status").asString().equals("planned")
                                && e.path("dueAt").asString().equals("2026-11-21T13:00:00Z")
                                && e.path("reason")
                                        .asString()
                                        .equals("held for the patient's quiet hours in America/New_York")));
    }

    private OutgoingMessage first(String patientId) {
        return messages.forPatient(patientId).stream().findFirst().orElse(null);
    }
}
