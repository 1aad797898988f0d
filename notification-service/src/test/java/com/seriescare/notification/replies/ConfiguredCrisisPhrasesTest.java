package com.seriescare.notification.replies;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/**
 * The phrases the service is configured with, read as patients write. Phrases match whole words, so each inflection a
 * patient uses must be listed: "I feel like ending it all" was read as an ordinary reply on ./run-local (only "end it
 * all" was listed), and no clinician heard of it.
 */
class ConfiguredCrisisPhrasesTest {

    static final ReplyClassifier configured = new ReplyClassifier(configuredPhrases());

    @ParameterizedTest
    @ValueSource(
            strings = {
                "I feel like ending it all",
                "thinking about ending my life",
                "I want to take my life",
                "im thinking of killing myself",
                "I keep hurting myself",
                "started cutting myself again",
                "there's no reason to live",
                "i wish i was dead",
                "I don't want to be here anymore",
                "quiero acabar con mi vida",
                "no quiero seguir viviendo",
                // read as an ordinary reply on ./run-local: only "don't want to live" and "... be here anymore" were
                // listed
                "i dont want to be alive anymore",
                "I do not want to live like this",
                "I do not want to be here anymore",
                "sometimes I want to be dead",
                "honestly I'd rather be dead",
                "everyone would be better off without me",
                "thinking about self-harm again",
                "there's no point in living",
                "I can't go on anymore",
                "no quiero estar viva",
                "me quiero morir",
                "quiero estar muerto"
            })
    void whatPatientsWriteInACrisisIsReadAsOne(String reply) {
        assertThat(configured.classify(reply)).as(reply).isEqualTo(ReplyIntent.CRISIS);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Running late, can't go to the appointment",
                "I can't go on Thursday, can we move it?",
                "I hurt my knee, can I still come?",
                "overdosed on coffee lol",
                "please send it all to my email",
                "I want to be alive and well for my daughter's wedding",
                "my harness broke, can I self-park?",
                "I can't go on the 12th, any other day works"
            })
    void ordinaryRepliesAreNot(String reply) {
        assertThat(configured.classify(reply)).as(reply).isNotEqualTo(ReplyIntent.CRISIS);
    }

    private static List<String> configuredPhrases() {
        var yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        Properties properties = yaml.getObject();
        List<String> phrases = new ArrayList<>();
        for (int i = 0; properties.containsKey("seriescare.replies.crisis-phrases[" + i + "]"); i++) {
            phrases.add(properties.getProperty("seriescare.replies.crisis-phrases[" + i + "]"));
        }
        assertThat(phrases).isNotEmpty();
        return phrases;
    }
}
