package com.seriescare.notification.replies;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReplyClassifierTest {

    static final ReplyClassifier classifier = new ReplyClassifier(List.of(
            "suicide",
            "kill myself",
            "end my life",
            "hurt myself",
            "don't want to live",
            "want to die",
            "end it all",
            "overdose",
            "suicidio",
            "matarme",
            "quitarme la vida",
            "hacerme dano",
            "no quiero vivir"));

    @ParameterizedTest
    @ValueSource(
            strings = {
                "STOP",
                "stop",
                " Stop ",
                "STOP.",
                "stopall",
                "UNSUBSCRIBE",
                "cancel",
                "End",
                "QUIT",
                "revoke",
                "optout",
                "Opt Out",
                "stop!"
            })
    void stopAndItsSynonymsInAnyCaseAndSpacingRevokeConsent(String reply) {
        assertThat(classifier.classify(reply)).isEqualTo(ReplyIntent.STOP);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "I want to kill myself",
                "i dont know, i DON’T WANT TO LIVE anymore",
                "thinking about suicide",
                "STOP I want to end my life",
                "quiero matarme",
                "No quiero vivir",
                "pienso en el suicidio",
                "quiero hacerme daño",
                "I just want to END IT ALL!!",
                "end-it-all",
                "thinking of an overdose.",
                "QUIERO MATARME."
            })
    void crisisLanguageInEnglishOrSpanishWinsOverEverythingElse(String reply) {
        assertThat(classifier.classify(reply)).isEqualTo(ReplyIntent.CRISIS);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "please send it all to my email",
                "I'll befriend my life coach",
                "my friend will attend it all",
                "my brother will pick me up, he overdoes it with coffee",
                "overdosed on coffee lol",
                "I hurt my knee, can I still come?",
                "mi amigo quiere morirse de risa con esto jaja",
                "rematarme las uñas"
            })
    void ordinarySentencesThatOnlyContainACrisisPhraseInsideOtherWordsAreNotACrisis(String reply) {
        // phrases match whole words: "send it all" used to be read as "end it all"
        assertThat(classifier.classify(reply)).as(reply).isNotEqualTo(ReplyIntent.CRISIS);
    }

    @ParameterizedTest
    @CsvSource({
        "1,1",
        "'1.',1",
        "' 2! ',2",
        "5,5",
    })
    void aMoodIsReadWithItsPunctuation(String reply, int mood) {
        assertThat(classifier.classify(reply)).isEqualTo(ReplyIntent.MOOD);
        assertThat(ReplyClassifier.moodOf(reply)).hasValue(mood);
    }

    @ParameterizedTest
    @CsvSource({
        "START,START",
        "unstop,START",
        "HELP,HELP",
        "ayuda,HELP",
        "C,CONFIRM",
        "yes,CONFIRM",
        "Sí,CONFIRM",
        "si,CONFIRM",
        "R,RESCHEDULE",
        "3,MOOD",
        "1,MOOD",
        "5,MOOD"
    })
    void keywordsAreRecognised(String reply, ReplyIntent intent) {
        assertThat(classifier.classify(reply)).isEqualTo(intent);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "please stop texting me",
                "can I come at 10 instead?",
                "6",
                "0",
                "",
                "ok thanks",
                "yes please call me"
            })
    void anythingElseGoesToAHuman(String reply) {
        ReplyIntent intent = classifier.classify(reply);

        assertThat(intent).isEqualTo(ReplyIntent.OTHER);
        assertThat(intent.needsHuman()).isTrue();
    }
}
