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
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A slow Twilio holds up texts, not events: dispatch and the outbox relay run on executors of their own. */
@NotificationServiceTest
class SeparateSchedulersIntegrationTest {

    @Autowired
    OutgoingMessages messages;

    @Autowired
    PatientContacts contacts;

    @Autowired
    MutableClock clock;

    @Test
    void eventsArePublishedPromptlyWhileEveryTextTakesTwilioAlmostASecond() {
        String batch = UUID.randomUUID().toString().substring(0, 8);
        // enough to keep the dispatcher busy for ~14 s: a loaded machine slows the relay too, never that much
        int texts = 16;
        for (int i = 0; i < texts; i++) {
            TWILIO.answerLate(Duration.ofMillis(900), true);
        }
        try (var topics = RecordedTopics.of(Topics.NOTIFICATION_EVENTS)) {
            for (int i = 0; i < texts; i++) {
                String patientId = "slow-" + batch + "-" + i;
                contacts.save(new PatientContact(
                        patientId,
                        "Ana",
                        "+1720666" + String.format("%04d", i),
                        "en",
                        "America/Denver",
                        true,
                        null,
                        "front-range"));
                messages.plan(new PlannedMessage(
                        batch + ":" + i,
                        MessageKind.BOOKING_CONFIRMATION,
                        patientId,
                        "series-" + batch,
                        null,
                        0,
                        clock.instant(),
                        List.of(clock.instant().plus(Duration.ofDays(9))),
                        null,
                        false,
                        null));
            }
            // the dispatcher is now busy for ~14 s; a text planned now must be announced on the topic at once
            await().atMost(Duration.ofSeconds(3)).until(() -> TWILIO.requestCount() > 0);
            String latePatient = "slow-" + batch + "-late";
            messages.plan(new PlannedMessage(
                    batch + ":late",
                    MessageKind.MID_SERIES_NOTE,
                    latePatient,
                    "series-" + batch,
                    null,
                    0,
                    clock.instant().plus(Duration.ofDays(1)),
                    List.of(),
                    null,
                    false,
                    null));
            long began = System.nanoTime();
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> !topics.forKey(latePatient).isEmpty());
            long tookMillis = (System.nanoTime() - began) / 1_000_000;
            long slowTextsSentBy = java.util.stream.IntStream.range(0, texts)
                    .filter(i -> messages.forPatient("slow-" + batch + "-" + i).stream()
                            .allMatch(m -> m.status() == MessageStatus.SENT))
                    .count();

            System.out.printf(
                    "Planned event published %d ms after it was written, %d of %d slow texts sent by then%n",
                    tookMillis, slowTextsSentBy, texts);
            // not a stopwatch (a loaded machine stretches both): the event did not wait for the queue of texts
            assertThat(slowTextsSentBy).isLessThan(texts);
            // leave the fake as found: the slow answers are used up before the next test scripts its own
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> java.util.stream.IntStream.range(0, texts)
                            .allMatch(i -> TWILIO.attemptsTo("+1720666" + String.format("%04d", i)) >= 1));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> messages.forPatient("slow-" + batch + "-" + (texts - 1)).stream()
                            .allMatch(m -> m.status() == MessageStatus.SENT));
        }
    }
}
