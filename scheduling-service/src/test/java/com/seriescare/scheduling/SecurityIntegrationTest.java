package com.seriescare.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import com.seriescare.testsupport.JsonHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;

@SchedulingServiceTest
class SecurityIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void withoutCredentialsEverythingButHealthIs401AsAProblemDetail() {
        JsonHttp anonymous = Api.anonymous(port);

        var patients = anonymous.post("/api/patients", Api.ANA);
        var docs = anonymous.get("/v3/api-docs");

        assertThat(patients.status()).isEqualTo(401);
        assertThat(patients.contentType()).startsWith("application/problem+json");
        assertThat(patients.json().path("detail").asString()).contains("credentials");
        assertThat(docs.status()).isEqualTo(401);
        assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
    }

    @Autowired
    UserDetailsService users;

    /**
     * Spring Security re-hashes the stored password of a user store that lets it ("upgrade encoding") at the first
     * sign-in; with {noop} dev users that turned every later HTTP Basic request into a bcrypt check (150 ms each).
     */
    @Test
    void signingInLeavesTheConfiguredPasswordAsItWas() {
        var read = Api.frontDesk(port).get("/api/patients/nobody");
        Api.frontDesk(port).get("/api/patients/nobody");

        assertThat(read.status()).isEqualTo(404);
        assertThat(users.loadUserByUsername("frontdesk").getPassword()).isEqualTo("{noop}frontdesk");
    }

    @Test
    void aWrongPasswordIs401() {
        assertThat(Api.anonymous(port)
                        .as("frontdesk", "guess")
                        .get("/api/patients/x")
                        .status())
                .isEqualTo(401);
    }

    @Test
    void anIntegrationUserMayReadButNotBook() {
        String patientId = Api.registerPatient(Api.frontDesk(port));
        JsonHttp integration = Api.integration(port);

        var read = integration.get("/api/patients/" + patientId);
        var book = integration.post(
                "/api/series", "{\"patientId\":\"" + patientId + "\",\"sessions\":[{\"start\":\"2026-12-01T09:00\"}]}");
        var register = integration.post("/api/patients", Api.ANA);

        assertThat(read.status()).isEqualTo(200);
        assertThat(book.status()).isEqualTo(403);
        assertThat(book.contentType()).startsWith("application/problem+json");
        assertThat(register.status()).isEqualTo(403);
    }

    @Test
    void aFrontDeskSeesOnlyItsOwnClinicsPatientsAndSeries() {
        JsonHttp frontRange = Api.frontDesk(port);
        String patientId = Api.registerPatient(frontRange);
        String seriesId = frontRange
                .post(
                        "/api/series",
                        "{\"patientId\":\"" + patientId + "\",\"sessions\":[{\"start\":\"2026-12-14T09:00\"}]}")
                .json()
                .path("id")
                .asString();
        JsonHttp westSlope = Api.westSlope(port);

        assertThat(westSlope.get("/api/patients/" + patientId).status()).isEqualTo(404);
        assertThat(westSlope.get("/api/series/" + seriesId).status()).isEqualTo(404);
        assertThat(westSlope
                        .post(
                                "/api/series",
                                "{\"patientId\":\"" + patientId + "\",\"sessions\":[{\"start\":\"2026-12-14T10:00\"}]}")
                        .status())
                .isEqualTo(400);
        assertThat(westSlope
                        .post("/api/series/" + seriesId + "/cancel", "{\"reason\":\"x\"}")
                        .status())
                .isEqualTo(404);
        var own = westSlope.post("/api/patients", Api.ANA);
        assertThat(own.json().path("clinicId").asString()).isEqualTo("west-slope");
        assertThat(own.json().path("smsConsent").path("recordedBy").asString()).isEqualTo("westdesk");
    }
}
