package com.seriescare.notification.dispatch;

import static com.seriescare.notification.NotificationServiceTest.TWILIO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.seriescare.contracts.Topics;
import com.seriescare.notification.NotificationServiceTest;
import com.seriescare.notification.patients.PatientContact;
import com.seriescare.notification.patients.PatientContacts;
import com.seriescare.notification.planning.MessageKind;
import com.seriescare.notification.planning.PlannedMessage;
import com.seriescare.testsupport.MutableClock;
import com.seriescare.testsupport.RecordedTopics;
import com.seriescare.testsupport.TwilioFake;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An instance died after Twilio accepted a text (its 201 never recorded): what Twilio reports settles the text, so
 * it is not sent again ten minutes later, and every step of it is on the timeline (issue 12, finding 2).
 */
@NotificationServiceTest
class CrashAfterHandOverIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    OutgoingMessages messages;

    @Autowired
    PatientContacts contacts;

    @Autowired
    DispatchProperties properties;

    @Autowired
    MutableClock clock;

    @Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;

    @AfterEach
    void resetClock() {
        clock.set(NotificationServiceTest.NOW);
    }

    @Test
    void aTextTwilioDeliveredIsNotResentAfterItsInstanceDiedMidHandOver() {
        String patientId = "crash-" + UUID.randomUUID();
        String phone = "+1720777" + String.format("%04d", (int) (Math.random() * 10000));
        contacts.save(new PatientContact(patientId, "Ana", phone, "en", "America/Denver", true, null, "front-range"));
        // due an hour ahead, so only the instance below (living an hour ahead) claims it
        Instant due = clock.instant().plus(Duration.ofHours(1));
        messages.plan(new PlannedMessage(
                patientId + ":confirmation",
                MessageKind.BOOKING_CONFIRMATION,
                patientId,
                "series-x",
                null,
                0,
                due,
                List.of(due.plus(Duration.ofDays(9))),
                null,
                false,
                null));
        try (var topics = RecordedTopics.of(Topics.NOTIFICATION_EVENTS)) {
            // the instance claims it, marks it as being handed over, Twilio accepts it... and the instance dies
            OutgoingMessage held = messages.leaseNextDue("instance-that-died", due, properties.lease())
                    .orElseThrow();
            assertThat(messages.apply(held, held.handOver(phone, "fingerprint", due.plus(properties.lease()), due)))
                    .isTrue();
            // Twilio reports on it meanwhile, at the callback URL that names it
            String callback = properties.statusCallbackFor(held.id()).toString();
            String path = java.net.URI.create(callback).getPath() + "?"
                    + java.net.URI.create(callback).getQuery();
            for (String status : List.of("sent", "delivered")) {
                assertThat(TWILIO.callWebhook(
                                callback,
                                "http://localhost:" + port + path,
                                Map.of(
                                        "MessageSid",
                                        "SMdied" + held.id().replace("-", "").substring(0, 20),
                                        "MessageStatus",
                                        status,
                                        "AccountSid",
                                        TwilioFake.ACCOUNT_SID)))
                        .isEqualTo(204);
            }

            // long after its lease and the ten minutes an in-doubt text waits, it is still sent once: by the dead one
            clock.set(due.plus(properties.lease()).plusSeconds(1));
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> messages.forPatient(patientId).getFirst().status() != MessageStatus.SENDING);
            clock.advance(properties.inDoubtResolution().plus(Duration.ofMinutes(1)));
            await().during(Duration.ofSeconds(3))
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> TWILIO.attemptsTo(phone) == 0);
            OutgoingMessage settled = messages.forPatient(patientId).getFirst();
            assertThat(settled.status()).isEqualTo(MessageStatus.SENT);
            assertThat(settled.providerId()).startsWith("SMdied");
            assertThat(settled.deliveryStatus()).isEqualTo("delivered");
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> topics.forKey(patientId).stream()
                            .map(r -> r.body().replaceAll(".*\"status\":\"([a-z_]+)\".*", "$1"))
                            .toList()
                            .containsAll(List.of("planned", "sent", "delivered")));
        }
    }

    /**
     * Two instances look up the same text in doubt in Twilio's records at once. The first to hear "no record" plans it
     * again, and it is handed over anew; the second, answered a moment later about the copy it had read before, used to
     * plan it again once more, over the hand-over in flight, and the patient got it twice (the fault suite's restart
     * with 1,000 texts pending: one duplicate).
     */
    @Test
    void aTextInDoubtPlannedAgainByOneInstanceIsNotPlannedAgainByAnotherThatReadItBefore() {
        String patientId = "doubt-" + UUID.randomUUID();
        String phone = "+1720778" + String.format("%04d", (int) (Math.random() * 10000));
        contacts.save(new PatientContact(patientId, "Ana", phone, "en", "America/Denver", true, null, "front-range"));
        Instant due = clock.instant().plus(Duration.ofHours(2)); // only the calls below live then
        messages.plan(new PlannedMessage(
                patientId + ":confirmation",
                MessageKind.BOOKING_CONFIRMATION,
                patientId,
                "series-y",
                null,
                0,
                due,
                List.of(due.plus(Duration.ofDays(9))),
                null,
                false,
                null));
        OutgoingMessage leased = messages.leaseNextDue("instance-that-died", due, properties.lease())
                .orElseThrow();
        assertThat(messages.apply(leased, leased.handOver(phone, "fingerprint", due.plus(properties.lease()), due)))
                .isTrue();
        OutgoingMessage sending = messages.forPatient(patientId).getFirst();
        Instant later = due.plus(properties.lease()).plusSeconds(1);
        assertThat(messages.apply(sending, sending.inDoubt(OutgoingMessage.IN_DOUBT_AFTER_CRASH, later)))
                .isTrue();
        OutgoingMessage readByBoth = messages.forPatient(patientId).getFirst();
        Instant lookedUp = later.plus(properties.inDoubtResolution()).plusSeconds(1);

        assertThat(messages.replanInDoubt(readByBoth, lookedUp))
                .as("the first instance")
                .isTrue();
        // the first instance leases it again (as leaseDue does; a search here could lease other tests' texts first)
        mongo.updateFirst(
                org.springframework.data.mongodb.core.query.Query.query(
                        org.springframework.data.mongodb.core.query.Criteria.where("_id")
                                .is(readByBoth.id())),
                new org.springframework.data.mongodb.core.query.Update()
                        .set("status", MessageStatus.LEASED)
                        .set("leasedBy", "instance-1")
                        .set("leaseUntil", lookedUp.plus(properties.lease())),
                OutgoingMessage.class);
        OutgoingMessage again = messages.forPatient(patientId).getFirst();
        assertThat(messages.apply(again, again.handOver(phone, "fingerprint", lookedUp.plusSeconds(60), lookedUp)))
                .isTrue();

        assertThat(messages.replanInDoubt(readByBoth, lookedUp))
                .as("the second instance")
                .isFalse();
        assertThat(messages.forPatient(patientId).getFirst().status()).isEqualTo(MessageStatus.SENDING);
    }
}
