package com.seriescare.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import com.seriescare.testsupport.JsonHttp;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Password guessing meets a wall: after 10 failed sign-ins an account is refused before its password is checked, on
 * the API (429 problem with Retry-After) and on the sign-in form (back to the page, saying why). Each test guesses at
 * an account of its own, so no other test's user is held up.
 */
@SchedulingServiceTest
class SignInThrottleIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void theApiRefusesAnAccountThatFailedTenTimes() {
        String user = "mallory-" + UUID.randomUUID().toString().substring(0, 6);
        var guesser = JsonHttp.at("http://localhost:" + port).as(user, "guess");
        for (int i = 0; i < 10; i++) {
            assertThat(guesser.get("/api/patients?q=Ana").status()).isEqualTo(401);
        }

        var refused = guesser.get("/api/patients?q=Ana");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.contentType()).contains("application/problem+json");
        assertThat(refused.header("Retry-After")).isNotBlank();
        assertThat(Api.frontDesk(port).get("/api/patients?q=Ana").status()).isEqualTo(200);
    }

    @Test
    void theSignInFormSaysToWaitAfterTenFailures() throws Exception {
        String user = "eve-" + UUID.randomUUID().toString().substring(0, 6);
        var browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        for (int i = 0; i < 10; i++) {
            assertThat(signIn(browser, user).headers().firstValue("Location"))
                    .hasValueSatisfying(to -> assertThat(to).contains("/login?error"));
        }

        var refused = signIn(browser, user);
        String page = browser.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login?throttled"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();

        assertThat(refused.headers().firstValue("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/login?throttled"));
        assertThat(page).contains("Too many failed sign-ins");
    }

    private HttpResponse<String> signIn(HttpClient browser, String user) throws Exception {
        String page = browser.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        var csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).as(page).isTrue();
        return browser.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=guess&_csrf="
                                        + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
