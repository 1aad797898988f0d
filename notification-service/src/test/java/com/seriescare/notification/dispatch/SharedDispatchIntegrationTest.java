package com.seriescare.notification.dispatch;

import static com.seriescare.notification.NotificationServiceTest.TWILIO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.seriescare.notification.NotificationServiceTest;
import com.seriescare.notification.clinic.ClinicDirectory;
import com.seriescare.notification.patients.PatientContact;
import com.seriescare.notification.patients.PatientContacts;
import com.seriescare.notification.planning.MessageKind;
import com.seriescare.notification.planning.PlannedMessage;
import com.seriescare.notification.sessions.SessionViews;
import com.seriescare.notification.sms.SmsSender;
import com.seriescare.testsupport.MutableClock;
import com.seriescare.testsupport.TwilioFake.SentMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Any number of instances share the due texts through leases in MongoDB; none is sent twice or lost. */
@NotificationServiceTest
class SharedDispatchIntegrationTest {

    static final java.util.concurrent.atomic.AtomicInteger NEXT_EXCHANGE =
            new java.util.concurrent.atomic.AtomicInteger(600);

    @Autowired
    OutgoingMessages messages;

    @Autowired
    PatientContacts contacts;

    @Autowired
    com.seriescare.notification.consent.TextingConsent consent;

    @Autowired
    SessionViews sessions;

    @Autowired
    SmsSender sender;

    @Autowired
    ClinicDirectory clinics;

    @Autowired
    DispatchProperties properties;

    @Autowired
    MutableClock clock;

    @Autowired
    SendingRates rates;

    @AfterEach
    void resetClock() {
        clock.set(NotificationServiceTest.NOW);
    }

    @Test
    void twoDispatchersShareFiveHundredDueTextsAndTwilioGetsExactlyFiveHundredRequests() throws Exception {
        String batch = UUID.randomUUID().toString().substring(0, 8);
        Set<String> phones = planTexts(batch, 500, clock.instant());
        List<Dispatcher> instances = List.of(newInstance(), newInstance());

        try (var pool = Executors.newFixedThreadPool(2)) {
            var work = instances.stream()
                    .map(dispatcher -> pool.submit(() -> {
                        while (dispatcher.dispatchOnce() > 0) {
                            // keep taking batches until nothing is due
                        }
                    }))
                    .toList();
            for (var done : work) {
                done.get();
            }
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> sentTo(phones).size() == 500);
        assertThat(sentTo(phones).stream().map(SentMessage::to).distinct()).hasSize(500);
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(5))
                .until(() -> sentTo(phones).size() == 500);
    }

    @Test
    void textsLeasedByAnInstanceThatDiedAreSentOnceItsLeaseRunsOut() {
        String batch = UUID.randomUUID().toString().substring(0, 8);
        // due in an hour, so only the instance below (which lives an hour ahead) can claim them
        Instant due = clock.instant().plus(Duration.ofHours(1));
        Set<String> phones = planTexts(batch, 10, due);
        // an instance claims them all and dies before sending any
        for (int i = 0; i < 10; i++) {
            assertThat(messages.leaseNextDue("instance-that-died", due, properties.lease()))
                    .isPresent();
        }

        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(5))
                .until(() -> sentTo(phones).isEmpty());
        clock.set(due.plus(properties.lease()).plusSeconds(1));

        await().atMost(Duration.ofSeconds(30)).until(() -> sentTo(phones).size() == 10);
        assertThat(sentTo(phones).stream().map(SentMessage::to).distinct()).hasSize(10);
    }

    /**
     * Without it, a poll leased one batch and the next came a poll interval after the batch's last text was done: a
     * backlog went out at a fraction of the sender's rate (B4 in docs/benchmarks.md).
     */
    @Test
    void aBacklogGoesOutBatchAfterBatchInOnePoll() {
        String batch = UUID.randomUUID().toString().substring(0, 8);
        // due five hours ahead (14:00 in Denver): only the instance below, which lives then, sees them due
        Instant due = NotificationServiceTest.NOW.plus(Duration.ofHours(5));
        Set<String> phones = planTexts(batch, 12, due);
        Dispatcher instance = newInstance(new MutableClock(due.plusSeconds(1)), withBatchSize(5));

        instance.dispatchDue();

        // three batches from one poll: the last one's texts have begun, so all twelve reach Twilio
        await().atMost(Duration.ofSeconds(30)).until(() -> sentTo(phones).size() == 12);
        assertThat(sentTo(phones).stream().map(SentMessage::to).distinct()).hasSize(12);
        instance.stop();
    }

    /**
     * A stop hands over what was leased and closes the hand-over; a start after it (a context restarted, a lifecycle
     * stopped and started again) used to find it closed, and every batch was refused.
     */
    @Test
    void anInstanceStoppedAndStartedAgainSendsAgain() {
        String batch = UUID.randomUUID().toString().substring(0, 8);
        Instant due = NotificationServiceTest.NOW.plus(Duration.ofDays(3)); // only this instance lives then
        Set<String> phones = planTexts(batch, 2, due);
        Dispatcher instance = newInstance(new MutableClock(due.plusSeconds(1)), withBatchSize(5));
        instance.stop();

        instance.start();
        instance.dispatchDue();

        await().atMost(Duration.ofSeconds(30)).until(() -> sentTo(phones).size() == 2);
        instance.stop();
    }

    /** Without it, a crisis answer or a page waited behind every text due before it (the lease went by due time). */
    @Test
    void anUrgentTextIsLeasedBeforeEarlierRoutineOnes() {
        String batch = UUID.randomUUID().toString().substring(0, 8);
        Instant due = NotificationServiceTest.NOW.plus(Duration.ofDays(400));
        planTexts(batch, 20, due);
        String patientId = batch + "-crisis";
        contacts.save(new PatientContact(
                patientId, "Ana", "+17205550999", "en", "America/Denver", true, null, "front-range"));
        messages.plan(new PlannedMessage(
                batch + ":crisis",
                MessageKind.CRISIS_RESPONSE,
                patientId,
                null,
                null,
                0,
                due.plusSeconds(60),
                List.of(),
                null,
                true,
                null));

        List<OutgoingMessage> leased = messages.leaseDue("test-instance", due.plusSeconds(120), properties.lease(), 5);

        assertThat(leased).hasSize(5);
        // the store is shared with other tests, whose urgent texts (an escalated page) may still be due: they may go
        // first too, but none of this batch's routine texts, due a minute earlier, goes before the crisis answer
        List<String> keys = leased.stream().map(text -> text.plan().planKey()).toList();
        assertThat(keys).contains(batch + ":crisis");
        assertThat(keys.subList(0, keys.indexOf(batch + ":crisis"))).noneMatch(key -> key.startsWith(batch));
    }

    /** Without it, texts a dead instance had leased waited behind every text due after them (found reading the diff). */
    @Test
    void textsOfADeadInstanceGoBeforeABacklogDueAfterThem() {
        String batch = UUID.randomUUID().toString().substring(0, 8);
        Instant due = NotificationServiceTest.NOW.plus(Duration.ofDays(500));
        planTexts(batch + "-dead", 3, due);
        List<String> taken = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            taken.add(messages.leaseNextDue("instance-that-died", due, properties.lease())
                    .orElseThrow()
                    .id());
        }
        planTexts(batch + "-backlog", 30, due.plusSeconds(1));

        List<OutgoingMessage> leased =
                messages.leaseDue("test-instance", due.plus(properties.lease()).plusSeconds(2), properties.lease(), 12);

        assertThat(leased).extracting(OutgoingMessage::id).containsAll(taken);
    }

    private DispatchProperties withBatchSize(int batchSize) {
        return new DispatchProperties(
                properties.publicBaseUrl(),
                properties.lease(),
                batchSize,
                properties.maxAttempts(),
                properties.firstRetryDelay(),
                properties.inDoubtResolution(),
                properties.contactWait(),
                properties.concurrency(),
                properties.messagesPerSecond(),
                properties.turnWait(),
                properties.throttledPause());
    }

    private Dispatcher newInstance() {
        return newInstance(clock, properties);
    }

    private Dispatcher newInstance(java.time.Clock clock, DispatchProperties properties) {
        return new Dispatcher(
                messages,
                contacts,
                consent,
                sessions,
                sender,
                clinics,
                properties,
                com.seriescare.notification.planning.TextSpacing.DEFAULT,
                clock,
                com.seriescare.servicesupport.tracing.TraceParents.none(),
                rates);
    }

    /** {@code count} texts due at {@code due}, each for its own consenting patient. */
    private Set<String> planTexts(String batch, int count, Instant due) {
        // exchange codes 600+ are this class's own (other tests use 555), one per batch: numbers never collide
        int prefix = NEXT_EXCHANGE.getAndIncrement();
        List<String> phones = new ArrayList<>();
        IntStream.range(0, count).forEach(i -> {
            String patientId = batch + "-" + i;
            String phone = "+1720" + prefix + String.format("%04d", i);
            phones.add(phone);
            contacts.save(
                    new PatientContact(patientId, "Ana", phone, "en", "America/Denver", true, null, "front-range"));
            messages.plan(new PlannedMessage(
                    batch + ":" + i,
                    MessageKind.BOOKING_CONFIRMATION,
                    patientId,
                    "series-" + batch,
                    null,
                    0,
                    due,
                    List.of(Instant.parse("2026-12-01T16:00:00Z")),
                    null,
                    false,
                    null));
        });
        return phones.stream().collect(Collectors.toSet());
    }

    private static List<SentMessage> sentTo(Set<String> phones) {
        return TWILIO.messages().stream().filter(m -> phones.contains(m.to())).toList();
    }
}
