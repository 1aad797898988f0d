package com.seriescare.notification;

import static com.seriescare.notification.NotificationServiceTest.TWILIO;
import static com.seriescare.notification.TextingIntegrationTest.booked;
import static com.seriescare.notification.TextingIntegrationTest.registered;
import static com.seriescare.notification.TextingIntegrationTest.sessionsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.seriescare.contracts.scheduling.PatientRegistered;
import com.seriescare.notification.dispatch.MessageStatus;
import com.seriescare.notification.dispatch.OutgoingMessage;
import com.seriescare.notification.dispatch.OutgoingMessages;
import com.seriescare.notification.patients.PatientContacts;
import com.seriescare.testsupport.EventPublisherForTests;
import com.seriescare.testsupport.MutableClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Twilio errors that say texting this number cannot work stop every later text to it. */
@NotificationServiceTest
class PermanentErrorsIntegrationTest {

    static final EventPublisherForTests events = new EventPublisherForTests();

    @Autowired
    OutgoingMessages messages;

    @Autowired
    PatientContacts contacts;

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
    void anUnsubscribedNumberRevokesConsentAndNothingFurtherIsSent() {
        var patient = registered(true, "en", "America/Denver");
        TWILIO.failNextTo(patient.mobilePhone(), 1, 400, 21610, "Attempt to send to unsubscribed recipient");
        bookOneSession(patient);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> contacts.find(patient.patientId())
                        .map(contact -> !contact.smsConsent())
                        .orElse(false));
        List<OutgoingMessage> all = awaitAllPlanned(patient);
        clock.set(prepTips(all).dueAt());

        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(5))
                .until(() -> TWILIO.attemptsTo(patient.mobilePhone()) == 1);
        assertThat(messages.forPatient(patient.patientId()))
                .extracting(OutgoingMessage::status)
                .contains(MessageStatus.FAILED)
                .doesNotContain(MessageStatus.SENT);
    }

    @Test
    void aNumberThatIsNotAMobileIsFlaggedAndNotTriedAgain() {
        var patient = registered(true, "en", "America/Denver");
        TWILIO.failNextTo(patient.mobilePhone(), 1, 400, 21614, "'To' number is not a valid mobile number");
        bookOneSession(patient);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> contacts.find(patient.patientId())
                        .map(contact -> contact.phoneProblem() != null)
                        .orElse(false));
        assertThat(contacts.find(patient.patientId()).orElseThrow().phoneProblem())
                .contains("21614");
        List<OutgoingMessage> all = awaitAllPlanned(patient);
        clock.set(prepTips(all).dueAt());

        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(5))
                .until(() -> TWILIO.attemptsTo(patient.mobilePhone()) == 1);
        assertThat(prepTips(messages.forPatient(patient.patientId())).reason()).contains("not a mobile");
    }

    private void bookOneSession(PatientRegistered patient) {
        events.publish(patient);
        var series = booked(patient.patientId(), "2026-12-01T11:00");
        events.publish(series);
        sessionsOf(series).forEach(events::publish);
    }

    private List<OutgoingMessage> awaitAllPlanned(PatientRegistered patient) {
        return await().atMost(Duration.ofSeconds(30))
                .until(() -> messages.forPatient(patient.patientId()), list -> list.size() == 3);
    }

    private static OutgoingMessage prepTips(List<OutgoingMessage> all) {
        return all.stream()
                .filter(m -> TextingIntegrationTest.isPrepTips(m))
                .findFirst()
                .orElseThrow();
    }
}
