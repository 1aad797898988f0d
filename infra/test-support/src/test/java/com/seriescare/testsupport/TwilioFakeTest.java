package com.seriescare.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The fake's own contract, over plain HTTP; the Twilio SDK against it is tested in notification-service. */
class TwilioFakeTest {

    static final TwilioFake twilio = TwilioFake.start();
    static final HttpClient http = HttpClient.newHttpClient();
    static final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void reset() {
        twilio.reset();
    }

    @AfterAll
    static void stop() {
        twilio.close();
    }

    @Test
    void acceptsAFormEncodedMessageWithBasicAuthLikeTwilio() throws Exception {
        HttpResponse<String> response = post(
                TwilioFake.ACCOUNT_SID,
                TwilioFake.AUTH_TOKEN,
                "To=%2B13035550142&From=%2B15005550006&Body=Hello+there&StatusCallback=http%3A%2F%2Fx%2Fs");

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode message = json.readTree(response.body());
        assertThat(message.path("sid").asString()).matches("SM[0-9a-f]{32}");
        assertThat(message.path("status").asString()).isEqualTo("queued");
        assertThat(message.path("to").asString()).isEqualTo("+13035550142");
        assertThat(message.path("date_created").asString()).matches("\\w{3}, \\d{2} \\w{3} \\d{4} .*\\+0000");
        assertThat(twilio.messages()).singleElement().satisfies(m -> {
            assertThat(m.body()).isEqualTo("Hello there");
            assertThat(m.statusCallback()).isEqualTo("http://x/s");
        });
    }

    @Test
    void refusesWrongCredentialsWithTwilioError20003() throws Exception {
        HttpResponse<String> response = post(TwilioFake.ACCOUNT_SID, "wrong", "To=%2B13035550142&From=%2B1500&Body=x");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json.readTree(response.body()).path("code").asInt()).isEqualTo(20003);
        assertThat(twilio.messages()).isEmpty();
    }

    @Test
    void answersTwilioShapedErrorsForInvalidNumbersAndMissingFields() throws Exception {
        JsonNode invalid =
                json.readTree(post(TwilioFake.ACCOUNT_SID, TwilioFake.AUTH_TOKEN, "To=12&From=%2B1500&Body=x")
                        .body());
        JsonNode noBody = json.readTree(
                post(TwilioFake.ACCOUNT_SID, TwilioFake.AUTH_TOKEN, "To=%2B13035550142&From=%2B15005550006")
                        .body());

        assertThat(invalid.path("code").asInt()).isEqualTo(21211);
        assertThat(invalid.path("status").asInt()).isEqualTo(400);
        assertThat(invalid.path("more_info").asString()).endsWith("/21211");
        assertThat(noBody.path("code").asInt()).isEqualTo(21602);
    }

    @Test
    void playsScriptedFailuresBeforeAcceptingAgain() throws Exception {
        twilio.failNext(2, 429, 20429, "Too Many Requests");
        String form = "To=%2B13035550142&From=%2B15005550006&Body=x";

        assertThat(post(TwilioFake.ACCOUNT_SID, TwilioFake.AUTH_TOKEN, form).statusCode())
                .isEqualTo(429);
        assertThat(post(TwilioFake.ACCOUNT_SID, TwilioFake.AUTH_TOKEN, form).statusCode())
                .isEqualTo(429);
        assertThat(post(TwilioFake.ACCOUNT_SID, TwilioFake.AUTH_TOKEN, form).statusCode())
                .isEqualTo(201);
        assertThat(twilio.requestCount()).isEqualTo(3);
        assertThat(twilio.messages()).hasSize(1);
    }

    @Test
    void refusesRequestsOverTheAccountsRateWith429AndRetryAfter() throws Exception {
        twilio.limitPerSecond(3);
        String form = "To=%2B13035550142&From=%2B15005550006&Body=x";

        var answers = new java.util.ArrayList<HttpResponse<String>>();
        for (int i = 0; i < 5; i++) {
            answers.add(post(TwilioFake.ACCOUNT_SID, TwilioFake.AUTH_TOKEN, form));
        }

        assertThat(answers).extracting(HttpResponse::statusCode).containsExactly(201, 201, 201, 429, 429);
        HttpResponse<String> refused = answers.getLast();
        assertThat(json.readTree(refused.body()).path("code").asInt()).isEqualTo(TwilioFake.TOO_MANY_REQUESTS);
        assertThat(refused.headers().firstValue("Retry-After")).contains("1");
        assertThat(twilio.messages()).hasSize(3);
        assertThat(twilio.throttledCount()).isEqualTo(2);
    }

    @Test
    void throttlesOneNumberAsScriptedWithItsRetryAfter() throws Exception {
        twilio.throttleNextTo("+13035550142", 1, 7);

        HttpResponse<String> refused =
                post(TwilioFake.ACCOUNT_SID, TwilioFake.AUTH_TOKEN, "To=%2B13035550142&From=%2B15005550006&Body=x");
        HttpResponse<String> other =
                post(TwilioFake.ACCOUNT_SID, TwilioFake.AUTH_TOKEN, "To=%2B13035550143&From=%2B15005550006&Body=x");

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).contains("7");
        assertThat(other.statusCode()).isEqualTo(201);
    }

    private HttpResponse<String> post(String user, String password, String form) throws Exception {
        String auth = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return http.send(
                HttpRequest.newBuilder(URI.create(
                                twilio.baseUrl() + "/2010-04-01/Accounts/" + TwilioFake.ACCOUNT_SID + "/Messages.json"))
                        .header("Authorization", "Basic " + auth)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
