package com.seriescare.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.seriescare.contracts.care.CareAlertAcknowledged;
import com.seriescare.contracts.care.CareAlertEscalated;
import com.seriescare.contracts.care.CareAlertHandled;
import com.seriescare.contracts.care.CareAlertRaised;
import com.seriescare.contracts.care.PatientWordsRecorded;
import com.seriescare.contracts.clinic.ClinicSettingsPublished;
import com.seriescare.contracts.intake.ChecklistCompleted;
import com.seriescare.contracts.intake.ChecklistOverdue;
import com.seriescare.contracts.intake.ChecklistRequested;
import com.seriescare.contracts.intake.FormAnswersViewed;
import com.seriescare.contracts.intake.FormLinkIssued;
import com.seriescare.contracts.intake.IntakeCompleted;
import com.seriescare.contracts.intake.IntakeFlagged;
import com.seriescare.contracts.intake.IntakeOverdue;
import com.seriescare.contracts.intake.IntakeRequested;
import com.seriescare.contracts.intake.IntakeReviewed;
import com.seriescare.contracts.notification.InboundMessageReceived;
import com.seriescare.contracts.notification.MessageStatusChanged;
import com.seriescare.contracts.notification.SessionConfirmationReceived;
import com.seriescare.contracts.scheduling.AppointmentStatus;
import com.seriescare.contracts.scheduling.BookedSession;
import com.seriescare.contracts.scheduling.PatientContactChanged;
import com.seriescare.contracts.scheduling.PatientRegistered;
import com.seriescare.contracts.scheduling.SeriesBooked;
import com.seriescare.contracts.scheduling.SessionCancelled;
import com.seriescare.contracts.scheduling.SessionCheckedIn;
import com.seriescare.contracts.scheduling.SessionCompleted;
import com.seriescare.contracts.scheduling.SessionConfirmed;
import com.seriescare.contracts.scheduling.SessionMissed;
import com.seriescare.contracts.scheduling.SessionRescheduled;
import com.seriescare.contracts.scheduling.SessionScheduled;
import com.seriescare.contracts.scheduling.SmsConsent;
import com.seriescare.contracts.scheduling.SmsConsentChanged;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

class EventContractTest {

    static final EventCodec codec = new EventCodec();
    static final Instant NOW = Instant.parse("2026-11-21T16:00:00Z");
    static final Instant START = Instant.parse("2026-12-01T16:00:00Z");

    static Stream<ClinicEvent> everyEventType() {
        return Stream.of(
                new PatientRegistered(
                        "p-1",
                        "denver",
                        "Ana",
                        "Diaz",
                        "+13035550142",
                        "en",
                        "America/Denver",
                        new SmsConsent(true, "front-desk", NOW, "frontdesk"),
                        NOW,
                        0),
                new PatientContactChanged(
                        "p-1", "denver", "Ana", "Diaz", "+13035550142", "es", "America/New_York", NOW, 1),
                new SmsConsentChanged("p-1", "denver", new SmsConsent(false, "sms-reply", NOW, "patient"), 2),
                new SeriesBooked(
                        "p-1",
                        "s-1",
                        "denver",
                        List.of(new BookedSession(
                                "x-1",
                                1,
                                Instant.parse("2026-12-01T16:00:00Z"),
                                LocalDateTime.parse("2026-12-01T09:00"),
                                "America/Denver",
                                90)),
                        NOW),
                new SessionScheduled(
                        "p-1",
                        "s-1",
                        "x-1",
                        1,
                        6,
                        Instant.parse("2026-12-01T16:00:00Z"),
                        "America/Denver",
                        90,
                        "denver",
                        1,
                        AppointmentStatus.booked),
                new SessionRescheduled(
                        "p-1",
                        "s-1",
                        "x-1",
                        1,
                        6,
                        START,
                        "America/Denver",
                        90,
                        "denver",
                        2,
                        AppointmentStatus.booked,
                        START.minusSeconds(86_400)),
                new SessionCancelled(
                        "p-1",
                        "s-1",
                        "x-1",
                        1,
                        6,
                        START,
                        "America/Denver",
                        90,
                        "denver",
                        2,
                        AppointmentStatus.cancelled,
                        "patient is unwell",
                        NOW),
                new SessionCheckedIn(
                        "p-1",
                        "s-1",
                        "x-1",
                        1,
                        6,
                        START,
                        "America/Denver",
                        90,
                        "denver",
                        2,
                        AppointmentStatus.arrived,
                        NOW),
                new SessionCompleted(
                        "p-1",
                        "s-1",
                        "x-1",
                        1,
                        6,
                        START,
                        "America/Denver",
                        90,
                        "denver",
                        3,
                        AppointmentStatus.fulfilled,
                        NOW),
                new SessionMissed(
                        "p-1",
                        "s-1",
                        "x-1",
                        1,
                        6,
                        START,
                        "America/Denver",
                        90,
                        "denver",
                        2,
                        AppointmentStatus.noshow,
                        NOW),
                new IntakeRequested("p-1", "s-1", "i-1", START.minusSeconds(259_200), NOW),
                new IntakeOverdue("p-1", "s-1", "i-1", START.minusSeconds(259_200)),
                new FormLinkIssued(
                        "p-1",
                        "s-1",
                        null,
                        "i-1",
                        FormLinkIssued.INTAKE,
                        FormLinkIssued.REQUESTED,
                        "https://forms.example/f/Zx8kQ2/k3J9",
                        START.minusSeconds(259_200),
                        NOW),
                new FormLinkIssued(
                        "p-1",
                        "s-1",
                        "x-1",
                        "c-1",
                        FormLinkIssued.CHECKLIST,
                        FormLinkIssued.OVERDUE,
                        "https://forms.example/f/k3J9/Zx8kQ2",
                        START,
                        NOW),
                new IntakeCompleted("p-1", "s-1", NOW, "patient"),
                new ChecklistCompleted("p-1", "s-1", "x-1", true, NOW, "patient"),
                new ChecklistCompleted("p-1", "s-1", "x-1", false, NOW, null),
                new ChecklistRequested("p-1", "s-1", "x-1", "c-1", START.minusSeconds(86_400), NOW),
                new ChecklistOverdue("p-1", "s-1", "x-1", "c-1", START),
                new IntakeFlagged("p-1", "s-1", null, "i-1", "intake", java.util.List.of("pregnancy"), NOW),
                new IntakeFlagged(
                        "p-1",
                        "s-1",
                        "x-1",
                        "c-1",
                        "checklist",
                        java.util.List.of("medication_change", "safety_answer"),
                        NOW),
                new MessageStatusChanged("p-1", "m-1", "prep_tips", "s-1", "x-1", "delivered", NOW),
                new MessageStatusChanged("p-1", "m-2", "booking_confirmation", "s-1", null, "sent", NOW),
                new MessageStatusChanged(
                        "p-1", "m-3", "prep_tips", "s-1", "x-1", "planned", NOW, NOW.plusSeconds(3600), null),
                new MessageStatusChanged(
                        "p-1", "m-4", "prep_tips", "s-1", "x-1", "cancelled", NOW, null, "the patient replied STOP"),
                new SessionConfirmationReceived("p-1", "s-1", "x-1", NOW),
                new InboundMessageReceived("p-1", "i-1", "reschedule", true, "0142", NOW, "front-range"),
                new ClinicSettingsPublished(
                        "west-slope",
                        3,
                        "West Slope Wellness Clinic",
                        "West Slope Clinic",
                        "America/Denver",
                        "+19705550100",
                        "US",
                        "400 Main St, Grand Junction, CO 81501",
                        new ClinicSettingsPublished.Texting("+19705550199", null, null, "21:00", "08:00", 2),
                        List.of(new ClinicSettingsPublished.OnCallClinician("Dr. Reyes", "+19705550111")),
                        new ClinicSettingsPublished.Forms("PT72H", "PT24H"),
                        List.of(new ClinicSettingsPublished.Text(
                                "day_of_reminder", "en", "Hi {firstName}, see you at {time}. {clinicPhone}", 2)),
                        new ClinicSettingsPublished.Timing("17:30", "PT2H", "PT15M", "10:00", "17:00", "12:00", 3),
                        NOW),
                new CareAlertRaised("p-1", "a-1", "crisis_language", "urgent", NOW, "front-range"),
                new CareAlertAcknowledged("p-1", "a-1", "front-range", "Dr. Ito", CareAlertAcknowledged.SMS, NOW),
                new CareAlertEscalated("p-1", "a-1", "front-range", "Dr. Ames", 2, NOW),
                new CareAlertHandled("p-1", "a-1", "front-range", "clinician", NOW),
                new IntakeReviewed("p-1", "s-1", "x-1", "f-1", "checklist", "clinician", NOW),
                new FormAnswersViewed("p-1", "s-1", null, "f-2", "intake", FormAnswersViewed.ALL, "clinician", NOW),
                new PatientWordsRecorded("p-1", "a-1", "I want to end my life", NOW),
                new SessionConfirmed(
                        "p-1",
                        "s-1",
                        "x-1",
                        1,
                        6,
                        START,
                        "America/Denver",
                        90,
                        "denver",
                        1,
                        AppointmentStatus.booked,
                        NOW,
                        "sms"));
    }

    @Test
    void everyRegisteredTypeHasAnExample() {
        assertThat(everyEventType().map(ClinicEvent::type).distinct()).containsExactlyInAnyOrder(EventType.values());
    }

    @ParameterizedTest
    @MethodSource("everyEventType")
    void everyEventSerialisesToJsonThatFollowsItsSchema(ClinicEvent event) {
        byte[] body = codec.encode(event);

        assertThat(codec.violations(event.type(), body)).isEmpty();
        assertThat(codec.decode(event.type().ceType(), body)).isEqualTo(event);
    }

    /**
     * Integrations (EHR, billing, analytics) read every topic but two: no schema of theirs may have a field for a
     * bearer secret or for what a patient wrote. The links and the words have topics of their own.
     */
    @ParameterizedTest
    @EnumSource(EventType.class)
    void integrationTopicsCarryNoLinkTokenOrPatientWords(EventType type) {
        if (type.topic().equals(Topics.FORM_LINKS) || type.topic().equals(Topics.PATIENT_WORDS)) {
            return;
        }
        assertThat(java.util.Arrays.stream(type.payloadType().getRecordComponents())
                        .map(java.lang.reflect.RecordComponent::getName))
                .as(type.ceType())
                .doesNotContain("link", "token", "url", "body", "excerpt", "words", "answers");
    }

    @Test
    void aMissingRequiredFieldIsAViolation() {
        byte[] body = "{\"patientId\":\"p-1\",\"seriesId\":\"s-1\"}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> codec.decode("clinic.session.scheduled.v1", body))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("sessionId");
    }

    @Test
    void aWrongFormatIsAViolation() {
        String valid = new String(codec.encode(everyEventType().toList().get(4)), StandardCharsets.UTF_8);
        byte[] body = valid.replace("2026-12-01T16:00:00Z", "next tuesday").getBytes(StandardCharsets.UTF_8);

        assertThat(codec.violations(EventType.SESSION_SCHEDULED, body)).anyMatch(v -> v.contains("start"));
    }

    @Test
    void unknownTypesAndNonJsonAreMalformed() {
        assertThatThrownBy(() -> codec.decode("clinic.unknown.v1", new byte[] {'{', '}'}))
                .isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> codec.decode("clinic.patient.registered.v1", "not json".getBytes()))
                .isInstanceOf(MalformedEventException.class);
    }

    @Test
    void fieldsAddedByANewerProducerAreIgnored() {
        String valid = new String(codec.encode(everyEventType().toList().get(0)), StandardCharsets.UTF_8);
        byte[] body = valid.replaceFirst("\\{", "{\"addedLater\":true,").getBytes(StandardCharsets.UTF_8);

        assertThat(codec.decode("clinic.patient.registered.v1", body))
                .isEqualTo(everyEventType().findFirst().get());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void theAsyncApiDocumentDescribesEveryTypeOnItsTopic(EventType type) throws Exception {
        JsonNode doc;
        try (InputStream in = getClass().getResourceAsStream("/asyncapi.yaml")) {
            doc = new YAMLMapper().readTree(in);
        }
        assertThat(doc.path("asyncapi").asString()).isEqualTo("3.0.0");

        Map.Entry<String, JsonNode> channel = doc.path("channels").properties().stream()
                .filter(c -> c.getValue().path("address").asString().equals(type.topic()))
                .findFirst()
                .orElseThrow();
        List<String> messageNames = channel.getValue()
                .path("messages")
                .valueStream()
                .map(ref -> ref.path("$ref").asString().replace("#/components/messages/", ""))
                .map(name -> doc.path("components")
                        .path("messages")
                        .path(name)
                        .path("name")
                        .asString())
                .toList();
        assertThat(messageNames).contains(type.ceType());
    }

    @Test
    void theAsyncApiDocumentNamesEveryTopic() throws Exception {
        String doc =
                new String(getClass().getResourceAsStream("/asyncapi.yaml").readAllBytes(), StandardCharsets.UTF_8);
        assertThat(doc)
                .contains("address: " + Topics.SESSION_EVENTS)
                .contains("address: " + Topics.INTAKE_EVENTS)
                .contains("address: " + Topics.NOTIFICATION_EVENTS)
                .contains("address: " + Topics.CARE_ALERTS)
                .contains("address: " + Topics.CLINIC_SETTINGS);
    }
}
