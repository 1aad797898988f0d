package com.seriescare.texts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TemplateReviewTest {

    static final ZoneId DENVER = ZoneId.of("America/Denver");

    static TextValues sample(String language) {
        return TextValues.sample(
                language,
                DENVER,
                "Front Range",
                "(303) 555-0100",
                "(303) 555-0111",
                Instant.parse("2026-12-08T16:30:00Z"));
    }

    static TemplateReview review(String kind, String template) {
        return TemplateReview.of(
                Texts.of(kind), template, Texts.DEFAULT_DISCRETION_WORDS, Texts.DEFAULT_SEGMENT_BUDGET, sample("en"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "es"})
    void everyDefaultPassesTheChecksAClinicsOwnWordsMustPass(String language) {
        for (TextDefinition text : Texts.all()) {
            if (!text.defaults().containsKey(language)) {
                continue;
            }
            var review = TemplateReview.of(
                    text,
                    text.defaultIn(language),
                    Texts.DEFAULT_DISCRETION_WORDS,
                    Texts.DEFAULT_SEGMENT_BUDGET,
                    sample(language));
            assertThat(review.refusals())
                    .as("%s in %s: %s", text.kind(), language, review.preview())
                    .isEmpty();
        }
    }

    @Test
    void aTemplateNamingTheDrugIsRefusedNamingTheWord() {
        var review = review("prep_tips", "Hi {firstName}, your Ketamine session is tomorrow at {time}. {clinicPhone}");

        assertThat(review.accepted()).isFalse();
        assertThat(review.refusals()).singleElement().asString().contains("\"Ketamine\"", "discretion list");
    }

    @Test
    void aWordIsCaughtAtTheStartOfAWordInAnyCaseNotInsideAnother() {
        assertThat(TemplateReview.indiscreet("Your TREATMENTS and doses", Texts.DEFAULT_DISCRETION_WORDS))
                .containsExactly("TREATMENTS", "doses");
        assertThat(TemplateReview.indiscreet("a hydrated body", List.of("drug")))
                .isEmpty();
        assertThat(TemplateReview.indiscreet("anything", List.of("anything"))).containsExactly("anything");
        // the list is the clinic's: a word it leaves out is allowed
        assertThat(TemplateReview.indiscreet("your infusion", List.of("drug"))).isEmpty();
    }

    @Test
    void aTemplateOverTheBudgetIsRefusedWithItsSegmentCount() {
        String long_ = "Hi {firstName}, " + "please remember to eat light and drink water. ".repeat(7) + "{time}";

        var review = review("prep_tips", long_);

        assertThat(review.measure().segments()).isEqualTo(3);
        assertThat(review.refusals()).singleElement().asString().contains("3 SMS segments", "budget is 2");
    }

    @Test
    void oneCharacterOutsideGsm7HalvesWhatFitsAndTheRefusalSaysWhich() {
        String fits = "Hi {firstName}, see you today at {time} at {clinic}. " + "Bring water and a snack. ".repeat(3);
        assertThat(review("day_of_reminder", fits).accepted()).isTrue();

        var curly = review("day_of_reminder", fits.replace("Bring", "Don’t forget:"));

        assertThat(curly.measure().encoding()).isEqualTo(SmsSegments.Encoding.UCS_2);
        assertThat(curly.refusals()).singleElement().asString().contains("UCS-2", "\"’\"");
    }

    @Test
    void variablesMustBeTheTextsOwnAndTheRequiredOnesPresent() {
        var review = review("intake_link", "Hi {firstName}, fill in the form at {clinic}: {lnk}");

        assertThat(review.refusals())
                .anySatisfy(r -> assertThat(r).contains("{lnk} is not a variable", "{link}"))
                .anySatisfy(r -> assertThat(r).contains("must include {link}"));
    }

    @Test
    void theOptOutAndTheCrisisLineCannotBeEditedAway() {
        assertThat(review("help_response", "{clinic}: call us at {clinicPhone}.")
                        .refusals())
                .singleElement()
                .asString()
                .contains("\"STOP\"");
        assertThat(review("crisis_response", "Call {clinic}: {clinicPhone}.").refusals())
                .anySatisfy(r -> assertThat(r).contains("\"988\""))
                .anySatisfy(r -> assertThat(r).contains("\"911\""));
    }

    @Test
    void thePreviewIsTheSamplePatientsText() {
        var review = review("day_of_reminder", "Hi {firstName}, see you today at {time} at {clinic}. {clinicPhone}");

        assertThat(review.preview())
                .isEqualTo("Hi Jordan, see you today at 9:30 AM MST at Front Range. (303) 555-0100");
        assertThat(review.measure().encoding()).isEqualTo(SmsSegments.Encoding.GSM_7);
        assertThat(review.measure().units()).isEqualTo(review.preview().length());
        assertThat(review.measure().segments()).isEqualTo(1);
    }

    @Test
    void anEmptyTemplateIsRefused() {
        assertThat(review("post_session", "  ").refusals()).contains("The text is empty.");
    }
}
