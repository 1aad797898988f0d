package com.seriescare.intake;

import static com.seriescare.intake.Fixture.PATIENCE;
import static com.seriescare.intake.Fixture.body;
import static com.seriescare.intake.Fixture.published;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.seriescare.contracts.Topics;
import com.seriescare.contracts.care.CareAlertHandled;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntakeServiceTest
class FlagsIntegrationTest {

    @LocalServerPort
    int port;

    @ParameterizedTest
    @CsvSource({
        "highBloodPressure, yes, high_blood_pressure",
        "heartCondition, yes, heart_condition",
        "pregnancy, yes, pregnancy",
        "psychosisHistory, yes, psychosis_history",
        "safety, 1, safety_answer"
    })
    void intakeAnswersThatNeedAClinicianAreFlagged(String question, String answer, String reason) {
        var booked = Fixture.book("en", "2026-12-01T16:00:00Z");
        var answers = FormHttp.goodIntake();
        answers.put(question, List.of(answer));

        assertThat(new FormHttp(port).post(Fixture.intakePath(booked), answers).status())
                .isEqualTo(200);

        var flagged =
                await().atMost(PATIENCE).until(() -> published(booked, "intake.flagged"), list -> !list.isEmpty());
        assertThat(body(flagged.getFirst()).path("form").asString()).isEqualTo("intake");
        // why is the clinicians' to read, not the integrations' (EHR, billing, analytics) that read intake.events
        assertThat(body(flagged.getFirst()).path("reasons").values()).isEmpty();
        assertThat(reasonsForClinicians(body(flagged.getFirst()).path("formId").asString()))
                .containsExactly(reason);
        await().atMost(PATIENCE)
                .until(() -> !published(booked, "intake.completed").isEmpty());
        assertThat(JsonFrontDesk.status(port, "/api/series/" + booked.seriesId() + "/intake"))
                .isEqualTo("flagged");
    }

    @Test
    void aChangedMedicationSinceTheLastVisitIsFlagged() {
        var booked = Fixture.book("en", "2026-12-01T16:00:00Z");
        var answers = FormHttp.goodChecklist();
        answers.put("medicationChanged", List.of("yes"));
        answers.put("medicationChanges", List.of("Started lamotrigine 25 mg last week"));

        new FormHttp(port).post(Fixture.checklistPath(booked, 1), answers);

        var flagged =
                await().atMost(PATIENCE).until(() -> published(booked, "intake.flagged"), list -> !list.isEmpty());
        assertThat(body(flagged.getFirst()).path("reasons").values()).isEmpty();
        assertThat(reasonsForClinicians(body(flagged.getFirst()).path("formId").asString()))
                .containsExactly("medication_change");
        assertThat(body(flagged.getFirst()).path("sessionId").asString()).isEqualTo(booked.sessionId(1));
        // the clinicians are asked to review it (not urgently: nobody is paged), with the answers for them alone
        var alert = onTopic(booked, Topics.CARE_ALERTS);
        assertThat(alert).hasSize(1);
        assertThat(body(alert.getFirst()).path("reason").asString()).isEqualTo("answers_to_review");
        assertThat(body(alert.getFirst()).path("severity").asString()).isEqualTo("high");
        assertThat(alert.getFirst().body()).doesNotContain("lamotrigine");
        var words = onTopic(booked, Topics.PATIENT_WORDS);
        assertThat(body(words.getFirst()).path("about").asString())
                .isEqualTo(body(alert.getFirst()).path("alertId").asString());
        assertThat(body(words.getFirst()).path("words").asString())
                .isEqualTo("Pre-visit checklist answers to review before the session: medication changed: Started"
                        + " lamotrigine 25 mg last week.");
    }

    /**
     * A clinician who handles the review alert in the web app has reviewed the answers: recorded with who and when,
     * and published, so the front desk's "clinician to review" goes.
     */
    @Test
    void handlingTheReviewAlertIsTheReviewOfTheAnswers() {
        var booked = Fixture.book("en", "2026-12-01T16:00:00Z");
        var answers = FormHttp.goodIntake();
        answers.put("highBloodPressure", List.of("yes"));
        new FormHttp(port).post(Fixture.intakePath(booked), answers);
        var raised = onTopic(booked, Topics.CARE_ALERTS);
        String alertId = body(raised.getFirst()).path("alertId").asString();
        String intake = "/api/series/" + booked.seriesId() + "/intake";
        assertThat(desk().get(intake).json().path("clinicianToReview").asBoolean())
                .isTrue();

        Fixture.EVENTS.publish(new CareAlertHandled(
                booked.patientId(), alertId, "front-range", "clinician", Instant.parse("2026-11-20T17:00:00Z")));

        var reviewed =
                await().atMost(PATIENCE).until(() -> published(booked, "intake.reviewed"), list -> !list.isEmpty());
        assertThat(body(reviewed.getFirst()).path("reviewedBy").asString()).isEqualTo("clinician");
        assertThat(body(reviewed.getFirst()).path("form").asString()).isEqualTo("intake");
        assertThat(reviewed.getFirst().body()).doesNotContain("blood");
        assertThat(desk().get(intake).json().path("clinicianToReview").asBoolean())
                .isFalse();
        // a repeat of the same handling reviews nothing twice
        Fixture.EVENTS.publish(new CareAlertHandled(
                booked.patientId(), alertId, "front-range", "clinician", Instant.parse("2026-11-20T17:05:00Z")));
        await().during(java.time.Duration.ofSeconds(2))
                .atMost(java.time.Duration.ofSeconds(4))
                .until(() -> published(booked, "intake.reviewed").size() == 1);
    }

    private com.seriescare.testsupport.JsonHttp desk() {
        return com.seriescare.testsupport.JsonHttp.at("http://localhost:" + port)
                .as("frontdesk", "frontdesk");
    }

    @Test
    void aPositiveSafetyAnswerRaisesACareAlertAtOnceAndShowsCrisisResources() {
        var booked = Fixture.book("en", "2026-12-01T16:00:00Z");
        var answers = FormHttp.goodChecklist();
        answers.put("safety", List.of("2"));

        var thanks = new FormHttp(port).post(Fixture.checklistPath(booked, 1), answers);

        assertThat(thanks.html()).contains("You are not alone").contains("988").contains("911");
        var alert = onTopic(booked, Topics.CARE_ALERTS);
        assertThat(alert.getFirst().ceType()).isEqualTo("clinic.care-alert.raised.v1");
        assertThat(body(alert.getFirst()).path("reason").asString()).isEqualTo("safety_answer");
        assertThat(body(alert.getFirst()).path("severity").asString()).isEqualTo("urgent");
        // the answer itself is for the clinic's inbox alone: on care.patient-words, about this alert
        assertThat(body(alert.getFirst()).has("excerpt")).isFalse();
        var words = onTopic(booked, Topics.PATIENT_WORDS);
        assertThat(body(words.getFirst()).path("about").asString())
                .isEqualTo(body(alert.getFirst()).path("alertId").asString());
        assertThat(body(words.getFirst()).path("words").asString()).contains("more than half the days");
        await().atMost(PATIENCE)
                .until(() -> !published(booked, "intake.flagged").isEmpty());
        var flagged = body(published(booked, "intake.flagged").getFirst());
        assertThat(flagged.path("reasons").values()).isEmpty();
        assertThat(reasonsForClinicians(flagged.path("formId").asString())).containsExactly("safety_answer");
    }

    @Test
    void ordinaryAnswersFlagNothing() {
        var booked = Fixture.book("en", "2026-12-01T16:00:00Z");

        new FormHttp(port).post(Fixture.checklistPath(booked, 1), FormHttp.goodChecklist());

        var completed =
                await().atMost(PATIENCE).until(() -> published(booked, "checklist.completed"), list -> !list.isEmpty());
        assertThat(body(completed.getFirst()).path("rideHomeConfirmed").asBoolean())
                .isTrue();
        assertThat(body(completed.getFirst()).path("completedBy").asString()).isEqualTo("patient");
        assertThat(published(booked, "intake.flagged")).isEmpty();
    }

    /** What a clinician is told needs a look in a flagged form. */
    private List<String> reasonsForClinicians(String formId) {
        return com.seriescare.testsupport.JsonHttp.at("http://localhost:" + port)
                .as("clinician", "clinician")
                .get("/api/clinical/flagged")
                .json()
                .valueStream()
                .filter(form -> form.path("formId").asString().equals(formId))
                .findFirst()
                .orElseThrow()
                .path("flags")
                .valueStream()
                .map(node -> node.asString())
                .toList();
    }

    /** The patient's records on {@code topic}, once there is one. */
    private static List<com.seriescare.testsupport.RecordedTopics.Recorded> onTopic(
            Fixture.Booked booked, String topic) {
        return await().atMost(PATIENCE)
                .until(
                        () -> Fixture.TOPICS.forKey(booked.patientId()).stream()
                                .filter(r -> r.topic().equals(topic))
                                .toList(),
                        list -> !list.isEmpty());
    }
}
