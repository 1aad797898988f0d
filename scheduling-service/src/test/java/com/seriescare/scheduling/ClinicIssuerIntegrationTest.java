package com.seriescare.scheduling;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.seriescare.testsupport.LocalOidcIssuer;
import com.seriescare.testsupport.LocalOidcIssuer.Person;
import com.seriescare.testsupport.MutableClock;
import com.seriescare.testsupport.SystemChromium;
import com.seriescare.testsupport.UsesSharedInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With the clinic group's OIDC issuer configured, the API takes its tokens (roles and clinic from claims, audience
 * checked) and the web app signs in there with the authorization-code flow and PKCE, in real Chromium. The dev
 * profile's users stay configured here on purpose: with an issuer they sign in nowhere.
 *
 * <p>Its context differs from the other tests' (an issuer), and it is closed after this class: left in the context
 * cache, its outbox relay would keep competing for the service's relay lease on the shared store, and a test that
 * pauses "the" relay to control publishing would find the other context's relay publishing instead.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UsesSharedInfrastructure
@ActiveProfiles({"dev", "test"})
@Import(ClinicIssuerIntegrationTest.Clock.class)
class ClinicIssuerIntegrationTest {

    static final LocalOidcIssuer ISSUER = LocalOidcIssuer.start("seriescare-frontdesk");
    static final Browser browser = SystemChromium.browser();

    static final Person NURSE = new Person("nurse-1", "Dana Nurse", List.of("FRONT_DESK"), "front-range");

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", ISSUER::uri);
    }

    @AfterAll
    static void stop() {
        ISSUER.close();
    }

    // --- the API ---

    @Test
    void aFrontDeskTokenMayRegisterPatientsOfItsClinic() throws Exception {
        var response = send("POST", "/api/patients", ISSUER.token(NURSE), Api.ANA);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(response.body()).contains("\"clinicId\":\"front-range\"", "\"recordedBy\":\"nurse-1\"");
    }

    @Test
    void anIntegrationTokenMayNotBookAndBasicUsersAreNotAcceptedAnyMore() throws Exception {
        var integration = send(
                "POST",
                "/api/patients",
                ISSUER.token(new Person("ehr", "EHR", List.of("INTEGRATION"), "front-range")),
                Api.ANA);
        var basic = Api.frontDesk(port).get("/api/patients/x");
        var forged = send("POST", "/api/patients", ISSUER.token(NURSE) + "x", Api.ANA);

        assertThat(integration.statusCode()).isEqualTo(403);
        assertThat(basic.status()).isEqualTo(401);
        assertThat(forged.statusCode()).isEqualTo(401);
    }

    @Test
    void aTokenThatNamesNoClinicIsRefusedWithAProblemNotA500() throws Exception {
        var noClinic = new Person("nurse-1", "Dana Nurse", List.of("FRONT_DESK"), null);
        var write = send("POST", "/api/patients", ISSUER.token(noClinic), Api.ANA);
        var read = send("GET", "/api/patients?q=Ana", ISSUER.token(noClinic), "");

        assertThat(write.statusCode()).as(write.body()).isEqualTo(403);
        assertThat(write.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).contains("application/problem+json"));
        assertThat(read.statusCode()).as(read.body()).isEqualTo(403);
    }

    @Test
    void aTokenIssuedForAnotherAudienceOrSignedWithAnotherAlgorithmIsNotTaken() throws Exception {
        var elsewhere = send("POST", "/api/patients", ISSUER.token(NURSE, "billing"), Api.ANA);
        var otherAlgorithm = send(
                "POST", "/api/patients", ISSUER.tokenSignedWith(NURSE, com.nimbusds.jose.JWSAlgorithm.RS512), Api.ANA);

        assertThat(elsewhere.statusCode()).isEqualTo(401);
        assertThat(otherAlgorithm.statusCode()).isEqualTo(401);
    }

    // --- the web app ---

    @Test
    void theFrontDeskSignsInAtTheClinicIssuerWithPkceAndNoPasswordFormIsOffered() {
        ISSUER.signInAs(NURSE);
        try (BrowserContext context =
                browser.newContext(new Browser.NewContextOptions().setBaseURL("http://localhost:" + port))) {
            Page page = context.newPage();
            page.navigate("/today");
            assertThat(page.getByLabel("Password")).hasCount(0);

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in with your clinic account"))
                    .click();

            assertThat(page).hasURL("http://localhost:" + port + "/today");
            assertThat(page.getByRole(AriaRole.BANNER)).containsText("nurse-1");
            assertThat(page.getByRole(AriaRole.BANNER)).containsText("Front Range");
        }
        assertThat(ISSUER.exchanges()).last().satisfies(exchange -> {
            assertThat(exchange.challengeMethod()).isEqualTo("S256");
            assertThat(exchange.verifierMatched()).isTrue();
            assertThat(exchange.clientId()).isEqualTo("seriescare-frontdesk");
        });
    }

    @Test
    void signingOutAtAnIssuerWithoutLogoutEndpointSaysSo() {
        ISSUER.signInAs(NURSE);
        try (BrowserContext context =
                browser.newContext(new Browser.NewContextOptions().setBaseURL("http://localhost:" + port))) {
            Page page = context.newPage();
            page.navigate("/oauth2/authorization/clinic");
            assertThat(page).hasURL("http://localhost:" + port + "/today");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))
                    .click();

            assertThat(page.getByRole(AriaRole.STATUS)).containsText("You are signed out.");
            page.navigate("/today");
            assertThat(page.getByRole(
                            AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in with your clinic account")))
                    .isVisible();
        }
    }

    @Test
    void anAccountOfNoClinicOrNotOfTheFrontDeskIsShownTheDeniedPage() {
        for (var person : List.of(
                new Person("nurse-2", "No Clinic", List.of("FRONT_DESK"), null),
                new Person("ehr", "EHR", List.of("INTEGRATION"), "front-range"))) {
            ISSUER.signInAs(person);
            try (BrowserContext context =
                    browser.newContext(new Browser.NewContextOptions().setBaseURL("http://localhost:" + port))) {
                Page page = context.newPage();
                page.navigate("/login");
                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in with your clinic account"))
                        .click();

                assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                        .hasText("This account cannot use the front desk");
            }
        }
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .method(method, HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Clock {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(SchedulingServiceTest.NOW);
        }
    }
}
