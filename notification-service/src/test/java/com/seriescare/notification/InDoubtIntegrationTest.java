package com.seriescare.notification;

import static com.seriescare.notification.NotificationServiceTest.TWILIO;
import static com.seriescare.notification.TextingIntegrationTest.booked;
import static com.seriescare.notification.TextingIntegrationTest.registered;
import static com.seriescare.notification.TextingIntegrationTest.textsTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.seriescare.notification.dispatch.MessageStatus;
import com.seriescare.notification.dispatch.OutgoingMessage;
import com.seriescare.notification.dispatch.OutgoingMessages;
import com.seriescare.testsupport.EventPublisherForTests;
import com.seriescare.testsupport.MutableClock;
import com.seriescare.testsupport.TwilioFake;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A text whose hand-over timed out is never resent blindly (docs/adr/0002-texts-in-doubt.md). */
@NotificationServiceTest
class InDoubtIntegrationTest {

    static final EventPublisherForTests events = new EventPublisherForTests();

    @LocalServerPort
    int port;

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
    void aTimedOutTextThatTwilioAcceptedIsConfirmedByItsStatusReportAndNotResent() {
        var patient = registered(true, "en", "America/Denver");
        events.publish(patient);
        TWILIO.answerLate(Duration.ofSeconds(3), true);
        events.publish(booked(patient.patientId(), "2026-12-01T09:00"));

        OutgoingMessage inDoubt = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> confirmationOf(patient.patientId()),
                        m -> m != null && m.status() == MessageStatus.IN_DOUBT);
        var accepted = await().atMost(Duration.ofSeconds(10))
                .until(() -> textsTo(patient.mobilePhone()), t -> t.size() == 1)
                .getFirst();

        // Twilio reports on the text at the callback URL it was given, which names our message
        URI callback = URI.create(accepted.statusCallback());
        assertThat(callback.getQuery()).isEqualTo("message=" + inDoubt.id());
        assertThat(TWILIO.callWebhook(
                        accepted.statusCallback(),
                        "http://localhost:" + port + callback.getPath() + "?" + callback.getQuery(),
                        Map.of(
                                "MessageSid",
                                accepted.sid(),
                                "MessageStatus",
                                "sent",
                                "AccountSid",
                                TwilioFake.ACCOUNT_SID)))
                .isEqualTo(204);

        OutgoingMessage resolved = confirmationOf(patient.patientId());
        assertThat(resolved.status()).isEqualTo(MessageStatus.SENT);
        assertThat(resolved.providerId()).isEqualTo(accepted.sid());
        clock.advance(Duration.ofMinutes(30));
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(5))
                .until(() -> textsTo(patient.mobilePhone()).size() == 1);
    }

    @Test
    void aTimedOutTextTwilioAcceptedButNeverReportedOnIsFoundInItsRecordsAndNotResent() {
        // no callback ever came (a misconfigured webhook, a lost request): it used to be sent again after 10 minutes
        var patient = registered(true, "en", "America/Denver");
        events.publish(patient);
        TWILIO.answerLate(Duration.ofSeconds(3), true);
        events.publish(booked(patient.patientId(), "2026-12-01T11:00"));

        await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> confirmationOf(patient.patientId()),
                        m -> m != null && m.status() == MessageStatus.IN_DOUBT);
        var accepted = await().atMost(Duration.ofSeconds(10))
                .until(() -> textsTo(patient.mobilePhone()), t -> t.size() == 1)
                .getFirst();
        int lookups = TWILIO.lookupCount();

        clock.advance(Duration.ofMinutes(11));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> confirmationOf(patient.patientId()).status() == MessageStatus.SENT);
        assertThat(confirmationOf(patient.patientId()).providerId()).isEqualTo(accepted.sid());
        assertThat(confirmationOf(patient.patientId()).reason()).isEqualTo("found in the provider's records");
        assertThat(TWILIO.lookupCount()).isGreaterThan(lookups);
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(6))
                .until(() -> textsTo(patient.mobilePhone()).size() == 1);
    }

    @Test
    void aTimedOutTextWithNoSignOfAcceptanceIsSentAgainAfterTenMinutes() {
        var patient = registered(true, "en", "America/Denver");
        events.publish(patient);
        TWILIO.answerLate(Duration.ofSeconds(3), false);
        events.publish(booked(patient.patientId(), "2026-12-01T09:00"));

        await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> confirmationOf(patient.patientId()),
                        m -> m != null && m.status() == MessageStatus.IN_DOUBT);
        clock.advance(Duration.ofMinutes(9));
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(5))
                .until(() -> textsTo(patient.mobilePhone()).isEmpty());

        clock.advance(Duration.ofMinutes(2));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> textsTo(patient.mobilePhone()).size() == 1);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> confirmationOf(patient.patientId()).status() == MessageStatus.SENT);
    }

    private OutgoingMessage confirmationOf(String patientId) {
        return messages.forPatient(patientId).stream().findFirst().orElse(null);
    }
}
