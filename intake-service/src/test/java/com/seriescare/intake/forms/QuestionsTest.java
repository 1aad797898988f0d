package com.seriescare.intake.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuestionsTest {

    static Map<String, List<String>> checklist() {
        Map<String, List<String>> fields = new HashMap<>();
        fields.put("rideHome", List.of("clinic"));
        fields.put("lightMeal", List.of("yes"));
        fields.put("hydrate", List.of("no"));
        fields.put("medicationChanged", List.of("no"));
        fields.put("interest", List.of("0"));
        fields.put("mood", List.of("3"));
        fields.put("safety", List.of("0"));
        return fields;
    }

    @Test
    void aCompleteChecklistReadsAsAnswers() {
        var submission = Questions.checklist(checklist(), "US");

        assertThat(submission.isValid()).isTrue();
        assertThat(submission.answers().rideHomeConfirmed()).isTrue();
        assertThat(submission.answers().hydrate()).isFalse();
        assertThat(Flags.of(submission.answers())).isEmpty();
    }

    @Test
    void aDriverNeedsANameAndAPhoneWeCanCall() {
        var fields = checklist();
        fields.put("rideHome", List.of("driver"));
        fields.put("driverPhone", List.of("555"));

        var submission = Questions.checklist(fields, "US");

        assertThat(submission.errors()).containsEntry("driverName", "required").containsEntry("driverPhone", "phone");
    }

    @Test
    void aLocalNumberIsReadInTheClinicsRegion() {
        var fields = checklist();
        fields.put("rideHome", List.of("driver"));
        fields.put("driverName", List.of("Luis"));
        fields.put("driverPhone", List.of("(303) 555-0177"));

        assertThat(Questions.checklist(fields, "US").answers().driverPhone()).isEqualTo("+13035550177");
    }

    @Test
    void unknownAndMissingAnswersAreProblemsNotDefaults() {
        var fields = checklist();
        fields.put("safety", List.of("7"));
        fields.remove("hydrate");
        fields.put("rideHome", List.of("walk"));
        fields.put("medicationChanged", List.of("yes"));

        var submission = Questions.checklist(fields, "US");

        assertThat(submission.isValid()).isFalse();
        assertThat(submission.answers()).isNull();
        assertThat(submission.errors())
                .containsEntry("safety", "choose")
                .containsEntry("hydrate", "choose")
                .containsEntry("rideHome", "choose")
                .containsEntry("medicationChanges", "required");
    }

    @Test
    void eachFlagRuleHasItsReason() {
        var fields = checklist();
        fields.put("medicationChanged", List.of("yes"));
        fields.put("medicationChanges", List.of("new dose"));
        fields.put("safety", List.of("1"));

        assertThat(Flags.of(Questions.checklist(fields, "US").answers()))
                .containsExactly(Flags.MEDICATION_CHANGE, Flags.SAFETY_ANSWER);
    }

    @Test
    void safetyAnswersAboveNotAtAllArePositive() {
        assertThat(Flags.isPositiveSafetyAnswer(0)).isFalse();
        assertThat(Flags.isPositiveSafetyAnswer(1)).isTrue();
        assertThat(Flags.safetyExcerpt(3)).contains("nearly every day");
    }
}
