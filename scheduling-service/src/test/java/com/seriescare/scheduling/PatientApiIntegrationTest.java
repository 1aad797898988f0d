package com.seriescare.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import com.seriescare.testsupport.JsonHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

@SchedulingServiceTest
class PatientApiIntegrationTest {

    static final String ANA = """
            {"firstName":"Ana","lastName":"Diaz","mobilePhone":"+13035550142","preferredLanguage":"en",
             "timeZone":"America/Denver","smsConsent":{"granted":true,"source":"front-desk"}}""";

    @LocalServerPort
    int port;

    JsonHttp api;

    @BeforeEach
    void client() {
        api = Api.frontDesk(port);
    }

    @Test
    void registersAPatientAndReadsItBack() {
        var created = api.post("/api/patients", ANA);

        assertThat(created.status()).isEqualTo(201);
        String id = created.json().path("id").asString();
        assertThat(id).matches("[0-9a-f-]{36}");
        assertThat(created.json().path("mobilePhone").asString()).isEqualTo("+13035550142");
        assertThat(created.json().path("smsConsent").path("granted").asBoolean())
                .isTrue();
        assertThat(created.json().path("smsConsent").path("recordedAt").asString())
                .isEqualTo("2026-10-20T16:00:00Z");

        var read = api.get("/api/patients/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("firstName").asString()).isEqualTo("Ana");
        assertThat(read.json().path("timeZone").asString()).isEqualTo("America/Denver");
    }

    @Test
    void storesPhoneNumbersInE164AndDefaultsToTheClinicsZoneAndEnglish() {
        var created = api.post("/api/patients", """
                {"firstName":"Luis","lastName":"Romero","mobilePhone":"(720) 555-0199",
                 "smsConsent":{"granted":false,"source":"front-desk"}}""");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("mobilePhone").asString()).isEqualTo("+17205550199");
        assertThat(created.json().path("timeZone").asString()).isEqualTo("America/Denver");
        assertThat(created.json().path("preferredLanguage").asString()).isEqualTo("en");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "malformed JSON | {\"firstName\":\"Ana\", | not well-formed JSON | ''",
                "missing fields | {\"firstName\":\"Ana\"} | lastName | lastName",
                "impossible phone | {\"firstName\":\"Ana\",\"lastName\":\"Diaz\",\"mobilePhone\":\"+1 555\",\"smsConsent\":{\"granted\":true,\"source\":\"front-desk\"}} | not a valid phone number | mobilePhone",
                "unknown zone | {\"firstName\":\"Ana\",\"lastName\":\"Diaz\",\"mobilePhone\":\"+13035550142\",\"timeZone\":\"Mars/Olympus\",\"smsConsent\":{\"granted\":true,\"source\":\"front-desk\"}} | Mars/Olympus | timeZone",
                "unknown field | {\"firstName\":\"Ana\",\"lastName\":\"Diaz\",\"mobilePhone\":\"+13035550142\",\"isAdmin\":true,\"smsConsent\":{\"granted\":true,\"source\":\"front-desk\"}} | isAdmin | isAdmin",
                "operator instead of string | {\"firstName\":{\"$gt\":\"\"},\"lastName\":\"Diaz\",\"mobilePhone\":\"+13035550142\",\"smsConsent\":{\"granted\":true,\"source\":\"front-desk\"}} | firstName | firstName",
                "unknown language | {\"firstName\":\"Ana\",\"lastName\":\"Diaz\",\"mobilePhone\":\"+13035550142\",\"preferredLanguage\":\"fr\",\"smsConsent\":{\"granted\":true,\"source\":\"front-desk\"}} | en or es | preferredLanguage",
                "consent missing | {\"firstName\":\"Ana\",\"lastName\":\"Diaz\",\"mobilePhone\":\"+13035550142\"} | smsConsent | smsConsent",
            })
    void refusesBadInputWithAProblemDetailNamingTheProblem(String name, String body, String detail, String field) {
        var response = api.post("/api/patients", body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("detail").asString()).contains(detail);
        assertThat(response.json().path("status").asInt()).isEqualTo(400);
        if (!field.isEmpty()) {
            assertThat(response.json().path("errors").findValuesAsString("field"))
                    .contains(field);
        }
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at com.");
    }

    @Test
    void anUnknownPatientIsNotFound() {
        var response = api.get("/api/patients/no-such-patient");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().path("detail").asString()).contains("no-such-patient");
    }
}
