package com.seriescare.notification.dispatch;

import static com.seriescare.notification.NotificationServiceTest.TWILIO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.seriescare.contracts.clinic.ClinicSettingsPublished;
import com.seriescare.notification.NotificationServiceTest;
import com.seriescare.notification.clinic.ClinicDirectory;
import com.seriescare.notification.consent.TextingConsent;
import com.seriescare.notification.patients.PatientContact;
import com.seriescare.notification.patients.PatientContacts;
import com.seriescare.notification.planning.MessageKind;
import com.seriescare.notification.planning.PlannedMessage;
import com.seriescare.notification.planning.TextSpacing;
import com.seriescare.notification.sessions.SessionViews;
import com.seriescare.notification.sms.SmsSender;
import com.seriescare.servicesupport.tracing.TraceParents;
import com.seriescare.testsupport.MutableClock;
import com.seriescare.testsupport.TestClinics;
import com.seriescare.testsupport.TwilioFake.SentMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A clinic's sender sends no faster than its rate, however many instances dispatch, and a 429 from Twilio pauses the
 * sender as long as Twilio asks without using up the text's attempts.
 */
@NotificationServiceTest
class SendingRateIntegrationTest {

    /** Exchange codes 800+ are this class's own: its numbers never collide with other tests'. */
    static final AtomicInteger NEXT_EXCHANGE = new AtomicInteger(800);

    @Autowired
    OutgoingMessages messages;

    @Autowired
    PatientContacts contacts;

    @Autowired
    TextingConsent consent;

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

    @Autowired
    MongoTemplate mongo;

    @Test
    void twoInstancesTogetherKeepTheClinicsSenderToItsRate() throws Exception {
        String number = clinicNumber();
        String clinic = clinicWith(number, 20.0);
        List<String> planKeys = planTexts(clinic, 60);
        List<Dispatcher> instances = List.of(newInstance(), newInstance());

        try (var pool = Executors.newFixedThreadPool(2)) {
            var work = instances.stream()
                    .map(dispatcher -> pool.submit(() -> {
                        while (dispatcher.dispatchOnce() > 0) {
                            // keep taking batches while any is due (the service's own dispatcher takes part too)
                        }
                    }))
                    .toList();
            for (var done : work) {
                done.get();
            }
        }
        List<SentMessage> sent =
                await().atMost(Duration.ofSeconds(30)).until(() -> sentFrom(number), texts -> texts.size() == 60);

        List<Instant> times =
                sent.stream().map(SentMessage::receivedAt).sorted().toList();
        Duration span = Duration.between(times.getFirst(), times.getLast());
        Duration tightestTwoSeconds = Duration.ofDays(1);
        for (int i = 40; i < times.size(); i++) {
            Duration window = Duration.between(times.get(i - 40), times.get(i));
            tightestTwoSeconds = window.compareTo(tightestTwoSeconds) < 0 ? window : tightestTwoSeconds;
        }
        System.out.printf(
                "Sending rate: 60 texts at 20/s by 2 instances took %d ms; 41 consecutive texts took at least %d ms%n",
                span.toMillis(), tightestTwoSeconds.toMillis());
        assertThat(sent.stream().map(SentMessage::to).distinct())
                .as("none twice")
                .hasSize(60);
        // turns 50 ms apart: 59 of them take 2.95 s, 40 take 2 s. A text reaches the fake a little after its turn
        // (a write, a thread to wake), so the margins allow for that; two instances each keeping 20/s on their own
        // would send 41 texts in 1 s, and no shared rate in a few hundred ms
        assertThat(span).isGreaterThanOrEqualTo(Duration.ofMillis(2_600));
        assertThat(tightestTwoSeconds)
                .as("no more than 40 texts in any two seconds")
                .isGreaterThanOrEqualTo(Duration.ofMillis(1_700));
        assertThat(planKeys).allSatisfy(key -> assertThat(stored(key).status()).isEqualTo(MessageStatus.SENT));
    }

    @Test
    void aTextTwilioThrottlesMoreOftenThanItsAttemptsAllowIsStillSentOnce() {
        String clinic = clinicWith(clinicNumber(), 1000.0);
        String planKey = planTexts(clinic, 1).getFirst();
        String phone =
                contacts.find(stored(planKey).plan().patientId()).orElseThrow().mobilePhone();
        int moreThanItsAttempts = properties.maxAttempts() + 2;
        TWILIO.throttleNextTo(phone, moreThanItsAttempts, 0);

        await().atMost(Duration.ofSeconds(30)).until(() -> stored(planKey).status() == MessageStatus.SENT);

        assertThat(TWILIO.attemptsTo(phone)).isEqualTo(moreThanItsAttempts + 1);
        assertThat(TWILIO.messages().stream().filter(m -> m.to().equals(phone))).hasSize(1);
        assertThat(stored(planKey).attempts())
                .as("the 429s are not attempts: only the hand-over Twilio took counts")
                .isEqualTo(1);
    }

    @Test
    void aThrottledSenderWaitsAsLongAsTwilioSaysBeforeTryingAgain() {
        String clinic = clinicWith(clinicNumber(), 1000.0);
        Instant before = Instant.now();
        String planKey = planTexts(clinic, 1).getFirst();
        String phone =
                contacts.find(stored(planKey).plan().patientId()).orElseThrow().mobilePhone();
        TWILIO.throttleNextTo(phone, 2, 1);

        SentMessage sent = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> TWILIO.messages().stream()
                                .filter(m -> m.to().equals(phone))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();

        assertThat(TWILIO.attemptsTo(phone)).isEqualTo(3);
        assertThat(Duration.between(before, sent.receivedAt()))
                .as("two pauses of the one second Twilio asked for")
                .isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(stored(planKey).attempts()).isEqualTo(1);
    }

    private OutgoingMessage stored(String planKey) {
        return mongo.findOne(query(where("planKey").is(planKey)), OutgoingMessage.class);
    }

    private static String clinicNumber() {
        return "+1720" + NEXT_EXCHANGE.getAndIncrement() + "0100";
    }

    /** A clinic of its own whose texts come from {@code number} at {@code perSecond}. */
    private String clinicWith(String number, double perSecond) {
        var base = TestClinics.frontRange();
        String id = "paced-" + UUID.randomUUID().toString().substring(0, 8);
        clinics.apply(new ClinicSettingsPublished(
                id,
                1,
                "Paced Clinic",
                "Paced Clinic",
                base.timeZone(),
                base.phone(),
                base.phoneRegion(),
                base.address(),
                new ClinicSettingsPublished.Texting(number, null, null, "21:00", "08:00", 2, perSecond),
                base.onCall(),
                base.forms(),
                List.of(),
                null,
                base.publishedAt()));
        return id;
    }

    /** {@code count} confirmations due now, each for its own consenting patient of {@code clinic}. */
    private List<String> planTexts(String clinic, int count) {
        int exchange = NEXT_EXCHANGE.getAndIncrement();
        List<String> planKeys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String patientId = clinic + "-" + i;
            contacts.save(new PatientContact(
                    patientId,
                    "Ana",
                    "+1720" + exchange + String.format("%04d", i),
                    "en",
                    "America/Denver",
                    true,
                    null,
                    clinic));
            String planKey = clinic + ":" + i;
            messages.plan(new PlannedMessage(
                    planKey,
                    MessageKind.BOOKING_CONFIRMATION,
                    patientId,
                    "series-" + clinic,
                    null,
                    0,
                    clock.instant(),
                    List.of(Instant.parse("2026-12-01T16:00:00Z")),
                    null,
                    false,
                    null));
            planKeys.add(planKey);
        }
        return planKeys;
    }

    private static List<SentMessage> sentFrom(String number) {
        return TWILIO.messages().stream()
                .filter(m -> number.equals(m.from()))
                .sorted(Comparator.comparing(SentMessage::receivedAt))
                .toList();
    }

    private Dispatcher newInstance() {
        return new Dispatcher(
                messages,
                contacts,
                consent,
                sessions,
                sender,
                clinics,
                properties,
                TextSpacing.DEFAULT,
                clock,
                TraceParents.none(),
                rates);
    }
}
