package com.seriescare.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.seriescare.testsupport.TwilioFake;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * After every other system test has driven the packaged system (the acceptance flow included: bookings, texts, form
 * links, STOP, crisis language), no service's log holds a patient's phone number, a text's words, what a patient
 * wrote, or a secret (form-link token, bearer token, Basic credentials, Twilio's auth token). Logs are shipped to
 * places with wider access than the database; health data and numbers stay out of them.
 */
@ExtendWith(RunningSystem.Shared.class)
@Order(Integer.MAX_VALUE)
class LogsSystemTest {

    /** Numbers that are the clinic's or Twilio's own, which a log may name. */
    static final Set<String> OWN_NUMBERS = Set.of(RunningSystem.TWILIO_NUMBER, "+13035550100", "+13035550111");

    static final Pattern ANY_E164 = Pattern.compile("\\+[1-9]\\d{9,14}");
    static final Pattern FORM_LINK = Pattern.compile("/f/[A-Za-z0-9-]+/[A-Za-z0-9_-]{16,}");
    static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}");
    static final Pattern BASIC = Pattern.compile("Basic [A-Za-z0-9+/=]{8,}");

    @Test
    void noServiceLogsANumberAWordPatientsReadOrWroteOrASecret() throws IOException {
        RunningSystem system = RunningSystem.get();
        List<TwilioFake.SentMessage> sent = system.twilio.messages();
        assertThat(sent).as("the other system tests sent texts").isNotEmpty();
        List<String> log = Files.readAllLines(RunningSystem.SERVICE_LOG, StandardCharsets.UTF_8);

        Set<String> phones = new LinkedHashSet<>();
        sent.forEach(text -> phones.add(text.to()));
        system.inbound.forEach(text -> phones.add(text.getKey()));
        Set<String> words = new LinkedHashSet<>();
        sent.forEach(text -> words.addAll(fragments(text.body())));
        system.inbound.stream()
                .map(Map.Entry::getValue)
                .filter(body -> body.length() >= 12) // not STOP, YES, C, a mood digit: those are everyday words
                .forEach(words::add);

        List<String> found = new ArrayList<>();
        for (int i = 0; i < log.size(); i++) {
            String line = log.get(i);
            String where = "services.log:" + (i + 1) + ": ";
            var numbers = ANY_E164.matcher(line);
            while (numbers.find()) {
                if (!OWN_NUMBERS.contains(numbers.group())) {
                    found.add(where + "a phone number " + numbers.group());
                }
            }
            for (String phone : phones) {
                String national = phone.substring(phone.length() - 10);
                if (line.contains(national)) {
                    found.add(where + "a patient's number " + phone);
                }
            }
            for (String fragment : words) {
                if (line.contains(fragment)) {
                    found.add(where + "words of a text: \"" + fragment + "\"");
                }
            }
            for (Pattern secret : List.of(FORM_LINK, JWT, BASIC)) {
                if (secret.matcher(line).find()) {
                    found.add(where + "a secret matching " + secret.pattern());
                }
            }
            if (line.contains(TwilioFake.AUTH_TOKEN)) {
                found.add(where + "Twilio's auth token");
            }
        }

        System.out.printf(
                "Log scan: %d lines, %d patient numbers, %d text fragments, %d findings%n",
                log.size(), phones.size(), words.size(), found.size());
        assertThat(found)
                .as("health data, numbers or secrets in the services' logs")
                .isEmpty();
    }

    /** The sentences of a text long enough to be its own (a greeting alone is not). */
    private static List<String> fragments(String body) {
        List<String> fragments = new ArrayList<>();
        for (String sentence : body.split("(?<=[.!?])\\s+")) {
            if (sentence.strip().length() >= 25) {
                fragments.add(sentence.strip());
            }
        }
        return fragments;
    }
}
