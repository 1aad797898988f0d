package com.seriescare.notification;

import static com.seriescare.notification.NotificationServiceTest.TWILIO;
import static com.seriescare.notification.TextingIntegrationTest.DENVER;
import static com.seriescare.notification.TextingIntegrationTest.textsTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.seriescare.contracts.Topics;
import com.seriescare.contracts.clinic.ClinicSettingsPublished;
import com.seriescare.contracts.notification.InboundMessageReceived;
import com.seriescare.contracts.scheduling.BookedSession;
import com.seriescare.contracts.scheduling.PatientRegistered;
import com.seriescare.contracts.scheduling.SeriesBooked;
import com.seriescare.contracts.scheduling.SmsConsent;
import com.seriescare.notification.clinic.ClinicDirectory;
import com.seriescare.notification.patients.PatientContacts;
import com.seriescare.testsupport.EventPublisherForTests;
import com.seriescare.testsupport.MutableClock;
import com.seriescare.testsupport.RecordedTopics;
import com.seriescare.testsupport.TestClinics;
import com.seriescare.testsupport.TwilioFake;
import com.seriescare.testsupport.TwilioFake.SentMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Several clinics on one deployment: every text, HELP answer and crisis answer names the patient's clinic and its
 * phone and comes from the clinic's sender, through the real Twilio SDK; a reply belongs to the clinic whose number was
 * texted. The clinics' settings come from {@code clinic.settings} as scheduling-service publishes them.
 */
@NotificationServiceTest
class ClinicsSpeakAsThemselvesIntegrationTest {

    static final String PUBLIC = "http://localhost:8083";
    static final EventPublisherForTests events = new EventPublisherForTests();
    static final JsonMapper json = JsonMapper.builder().build();
    static RecordedTopics topics;

    @LocalServerPort
    int port;

    @Autowired
    PatientContacts contacts;

    @Autowired
    ClinicDirectory clinics;

    @Autowired
    MutableClock clock;

    @BeforeAll
    static void record() {
        topics = RecordedTopics.of(Topics.NOTIFICATION_EVENTS);
    }

    @AfterAll
    static void close() {
        events.close();
        topics.close();
    }

    @AfterEach
    void resetClock() {
        clock.set(NotificationServiceTest.NOW);
    }

    @Test
    void eachPatientsConfirmationNamesTheirClinicAndComesFromItsSender() {
        var west = patientOf("west-slope", randomPhone());
        var front = patientOf("front-range", randomPhone());

        events.publish(booked(west, "2026-12-01T09:00"));
        events.publish(booked(front, "2026-12-01T09:00"));

        SentMessage westText = firstTextTo(west.mobilePhone());
        SentMessage frontText = firstTextTo(front.mobilePhone());
        System.out.printf(
                "west-slope: from %s: %s%nfront-range: from %s: %s%n",
                westText.from(), westText.body(), frontText.from(), frontText.body());
        assertThat(westText.body())
                .contains("West Slope Clinic", "(970) 555-0100")
                .doesNotContain("Front Range");
        assertThat(westText.from()).isEqualTo(TestClinics.WEST_SLOPE_SMS_NUMBER);
        assertThat(frontText.body())
                .contains("Front Range Clinic", "(303) 555-0100")
                .doesNotContain("West Slope");
        assertThat(frontText.from()).isEqualTo(NotificationServiceTest.FROM);
    }

    @Test
    void helpAndCrisisAnswersComeFromTheClinicThePatientTexted() {
        var west = patientOf("west-slope", randomPhone());

        text(west.mobilePhone(), TestClinics.WEST_SLOPE_SMS_NUMBER, "HELP");
        SentMessage help = firstTextTo(west.mobilePhone());
        clock.set(Instant.parse("2026-11-21T09:00:00Z")); // 02:00 in Grand Junction
        text(west.mobilePhone(), TestClinics.WEST_SLOPE_SMS_NUMBER, "I want to end my life");
        SentMessage crisis = await().atMost(Duration.ofSeconds(10))
                .until(() -> textsTo(west.mobilePhone()), texts -> texts.size() == 2)
                .getLast();

        assertThat(help.body()).contains("West Slope Clinic", "(970) 555-0100").doesNotContain("Front Range");
        assertThat(help.from()).isEqualTo(TestClinics.WEST_SLOPE_SMS_NUMBER);
        assertThat(crisis.body()).contains("988", "(970) 555-0100").doesNotContain("(303)");
        assertThat(crisis.from()).isEqualTo(TestClinics.WEST_SLOPE_SMS_NUMBER);
    }

    @Test
    void aStrangersTextBelongsToTheClinicWhoseNumberItReached() {
        String stranger = randomPhone();

        text(stranger, TestClinics.WEST_SLOPE_SMS_NUMBER, "who is this?");

        JsonNode received = awaitReceived(InboundMessageReceived.UNKNOWN_SENDER, stranger);
        assertThat(received.path("clinicId").asString()).isEqualTo("west-slope");
    }

    @Test
    void aPhoneSharedByPatientsOfTwoClinicsIsReadAsThePatientOfTheClinicItTexted() {
        String shared = randomPhone();
        var front = patientOf("front-range", shared);
        var west = patientOf("west-slope", shared);

        text(shared, TestClinics.WEST_SLOPE_SMS_NUMBER, "can we move Tuesday?");

        JsonNode received = awaitReceived(west.patientId(), shared);
        assertThat(received.path("clinicId").asString()).isEqualTo("west-slope");
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(3))
                .until(() -> topics.forKey(front.patientId()).stream()
                        .noneMatch(r -> "clinic.reply.received.v1".equals(r.ceType())));
    }

    @Test
    void newerSettingsChangeTheWordsAndALateOlderVersionDoesNot() {
        var renamed = TestClinics.renamed(TestClinics.westSlope(), 7, "Grand Valley Clinic");
        events.publish(renamed);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> clinics.find("west-slope").orElseThrow().version() == 7);
        events.publish(TestClinics.renamed(TestClinics.westSlope(), 5, "Old Name Clinic"));
        var west = patientOf("west-slope", randomPhone());

        events.publish(booked(west, "2026-12-01T09:00"));

        assertThat(firstTextTo(west.mobilePhone()).body()).contains("Grand Valley Clinic");
        assertThat(clinics.find("west-slope").orElseThrow().shortName()).isEqualTo("Grand Valley Clinic");
        // put back what the other tests expect
        events.publish(TestClinics.renamed(
                TestClinics.westSlope(), 8, TestClinics.westSlope().shortName()));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> clinics.find("west-slope").orElseThrow().version() == 8);
    }

    /**
     * A clinic admin's words (carried by the clinic's settings) are used for the next text, and a text is worded when
     * it is sent: a reminder planned under one template goes out in the words in force at its hour.
     */
    @Test
    void aTextIsWordedWithTheClinicsTemplateInForceWhenItIsSent() {
        String canyonNumber = "+17205550177";
        var canyon = withTexts(
                canyonClinic(canyonNumber, 1),
                List.of(
                        new ClinicSettingsPublished.Text(
                                "help_response", "en", "{clinic} front desk: {clinicPhone}. Text STOP to stop.", 1),
                        new ClinicSettingsPublished.Text(
                                "prep_tips",
                                "en",
                                "Hi {firstName}, tomorrow at {time}: eat light, drink water. {clinicPhone}",
                                1)));
        events.publish(canyon);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> clinics.find("canyon").isPresent());
        var patient = patientOf("canyon", randomPhone());

        text(patient.mobilePhone(), canyonNumber, "HELP");
        assertThat(firstTextTo(patient.mobilePhone()).body())
                .isEqualTo("Canyon Clinic front desk: (303) 555-0100. Text STOP to stop.");

        // the reminder is planned now, under the first words; the admin rewords it before it is due
        var series = booked(patient, "2026-12-01T13:00");
        events.publish(series);
        TextingIntegrationTest.sessionsOf(series).forEach(events::publish);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> textsTo(patient.mobilePhone()).size() == 2); // confirmation
        events.publish(withTexts(
                canyonClinic(canyonNumber, 2),
                List.of(new ClinicSettingsPublished.Text(
                        "prep_tips",
                        "en",
                        "{firstName}, see you tomorrow at {time}. Eat light and bring a driver.",
                        2))));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> clinics.find("canyon").orElseThrow().version() == 2);
        clock.set(Instant.parse("2026-12-01T01:00:00Z")); // 18:00 the evening before, in Denver

        SentMessage prepTips = await().atMost(Duration.ofSeconds(20))
                .until(() -> textsTo(patient.mobilePhone()), texts -> texts.size() == 3)
                .getLast();
        assertThat(prepTips.body()).isEqualTo("Sam, see you tomorrow at 1:00 PM MST. Eat light and bring a driver.");
        assertThat(prepTips.from()).isEqualTo(canyonNumber);

        // the reworded HELP answer went back to the default with version 2
        text(patient.mobilePhone(), canyonNumber, "HELP");
        assertThat(await().atMost(Duration.ofSeconds(20))
                        .until(() -> textsTo(patient.mobilePhone()), texts -> texts.size() == 4)
                        .getLast()
                        .body())
                .isEqualTo("Canyon Clinic: call us at (303) 555-0100. Reply STOP to opt out.");
    }

    /** A clinic admin's timing (carried by the clinic's settings) times the texts planned after it. */
    @Test
    void aClinicsOwnTimingTimesItsTexts() {
        String ridgeNumber = "+17205550188";
        var ridge = canyonClinic(ridgeNumber, 1);
        events.publish(new ClinicSettingsPublished(
                "ridge",
                1,
                "Ridge Clinic",
                "Ridge Clinic",
                ridge.timeZone(),
                ridge.phone(),
                ridge.phoneRegion(),
                null,
                ridge.texting(),
                ridge.onCall(),
                ridge.forms(),
                List.of(),
                new ClinicSettingsPublished.Timing("16:30", "PT2H", "PT15M", "10:00", "17:00", "12:00", 1),
                ridge.publishedAt()));
        await().atMost(Duration.ofSeconds(20)).until(() -> clinics.find("ridge").isPresent());
        var patient = patientOf("ridge", randomPhone());
        var series = booked(patient, "2026-12-01T13:00");
        events.publish(series);
        TextingIntegrationTest.sessionsOf(series).forEach(events::publish);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> textsTo(patient.mobilePhone()).size() == 1);

        clock.set(Instant.parse("2026-11-30T23:30:00Z")); // 16:30 the evening before, in Denver (the default is 18:00)

        SentMessage prepTips = await().atMost(Duration.ofSeconds(20))
                .until(() -> textsTo(patient.mobilePhone()), texts -> texts.size() == 2)
                .getLast();
        assertThat(prepTips.body()).contains("tomorrow at 1:00 PM MST");
    }

    private static ClinicSettingsPublished canyonClinic(String smsNumber, long version) {
        var base = TestClinics.frontRange();
        return new ClinicSettingsPublished(
                "canyon",
                version,
                "Canyon Wellness Clinic",
                "Canyon Clinic",
                base.timeZone(),
                base.phone(),
                base.phoneRegion(),
                base.address(),
                new ClinicSettingsPublished.Texting(smsNumber, null, null, "21:00", "08:00", 2),
                base.onCall(),
                base.forms(),
                List.of(),
                null,
                base.publishedAt());
    }

    private static ClinicSettingsPublished withTexts(
            ClinicSettingsPublished s, List<ClinicSettingsPublished.Text> texts) {
        return new ClinicSettingsPublished(
                s.clinicId(),
                s.version(),
                s.name(),
                s.shortName(),
                s.timeZone(),
                s.phone(),
                s.phoneRegion(),
                s.address(),
                s.texting(),
                s.onCall(),
                s.forms(),
                texts,
                s.timing(),
                s.publishedAt());
    }

    private PatientRegistered patientOf(String clinicId, String phone) {
        Instant now = NotificationServiceTest.NOW;
        var patient = new PatientRegistered(
                UUID.randomUUID().toString(),
                clinicId,
                "Sam",
                "Lee",
                phone,
                "en",
                "America/Denver",
                new SmsConsent(true, "front-desk", now, "frontdesk"),
                now,
                0);
        events.publish(patient);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> contacts.find(patient.patientId()).isPresent());
        return patient;
    }

    private static SeriesBooked booked(PatientRegistered patient, String localStart) {
        LocalDateTime local = LocalDateTime.parse(localStart);
        return new SeriesBooked(
                patient.patientId(),
                UUID.randomUUID().toString(),
                patient.clinicId(),
                List.of(new BookedSession(
                        UUID.randomUUID().toString(),
                        1,
                        local.atZone(DENVER).toInstant(),
                        local,
                        "America/Denver",
                        90)),
                NotificationServiceTest.NOW);
    }

    private static SentMessage firstTextTo(String phone) {
        return await().atMost(Duration.ofSeconds(20))
                .until(() -> textsTo(phone), texts -> !texts.isEmpty())
                .getFirst();
    }

    private void text(String from, String to, String body) {
        Map<String, String> form = Map.of(
                "From", from,
                "To", to,
                "Body", body,
                "MessageSid", "SM" + UUID.randomUUID().toString().replace("-", ""),
                "AccountSid", TwilioFake.ACCOUNT_SID);
        assertThat(TWILIO.callWebhook(PUBLIC + "/twilio/inbound", "http://localhost:" + port + "/twilio/inbound", form))
                .isEqualTo(200);
    }

    private static JsonNode awaitReceived(String patientId, String fromPhone) {
        String last4 = fromPhone.substring(fromPhone.length() - 4);
        return await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> topics.forKey(patientId).stream()
                                .filter(r -> "clinic.reply.received.v1".equals(r.ceType()))
                                .map(r -> json.readTree(r.body()))
                                .filter(body ->
                                        body.path("fromPhoneLast4").asString().equals(last4))
                                .toList(),
                        list -> !list.isEmpty())
                .getLast();
    }

    private static String randomPhone() {
        return "+1970556" + ThreadLocalRandom.current().nextInt(1000, 10000);
    }
}
