package com.seriescare.intake;

import static com.seriescare.intake.Fixture.PATIENCE;
import static com.seriescare.intake.Fixture.body;
import static com.seriescare.intake.Fixture.published;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.seriescare.contracts.Topics;
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
        assertThat(body(flagged.getFirst()).path("reasons").values())
                .extracting(node -> node.asString())
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
        assertThat(body(flagged.getFirst()).path("reasons").values())
                .extracting(node -> node.asString())
                .containsExactly("medication_change");
        assertThat(body(flagged.getFirst()).path("sessionId").asString()).isEqualTo(booked.sessionId(1));
        assertThat(Fixture.TOPICS.forKey(booked.patientId()).stream()
                        .filter(r -> r.topic().equals(Topics.CARE_ALERTS)))
                .isEmpty();
    }

    @Test
    void aPositiveSafetyAnswerRaisesACareAlertAtOnceAndShowsCrisisResources() {
        var booked = Fixture.book("en", "2026-12-01T16:00:00Z");
        var answers = FormHttp.goodChecklist();
        answers.put("safety", List.of("2"));

        var thanks = new FormHttp(port).post(Fixture.checklistPath(booked, 1), answers);

        assertThat(thanks.html()).contains("You are not alone").contains("988").contains("911");
        var alert = await().atMost(PATIENCE)
                .until(
                        () -> Fixture.TOPICS.forKey(booked.patientId()).stream()
                                .filter(r -> r.topic().equals(Topics.CARE_ALERTS))
                                .toList(),
                        list -> !list.isEmpty());
        assertThat(alert.getFirst().ceType()).isEqualTo("clinic.care-alert.raised.v1");
        assertThat(body(alert.getFirst()).path("reason").asString()).isEqualTo("safety_answer");
        assertThat(body(alert.getFirst()).path("severity").asString()).isEqualTo("urgent");
        // the answer itself is for the clinic's inbox alone: on care.patient-words, about this alert
        assertThat(body(alert.getFirst()).has("excerpt")).isFalse();
        var words = await().atMost(PATIENCE)
                .until(
                        () -> Fixture.TOPICS.forKey(booked.patientId()).stream()
                                .filter(r -> r.topic().equals(Topics.PATIENT_WORDS))
                                .toList(),
                        list -> !list.isEmpty());
        assertThat(body(words.getFirst()).path("about").asString())
                .isEqualTo(body(alert.getFirst()).path("alertId").asString());
        assertThat(body(words.getFirst()).path("words").asString()).contains("more than half the days");
        await().atMost(PATIENCE)
                .until(() -> !published(booked, "intake.flagged").isEmpty());
        assertThat(body(published(booked, "intake.flagged").getFirst())
                        .path("reasons")
                        .values())
                .extracting(node -> node.asString())
                .containsExactly("safety_answer");
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
}
