package com.seriescare.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.seriescare.contracts.Topics;
import com.seriescare.testsupport.JsonHttp;
import com.seriescare.testsupport.RecordedTopics;
import com.seriescare.testsupport.RecordedTopics.Recorded;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

@SchedulingServiceTest
class PatientChangesIntegrationTest {

    static RecordedTopics topics;
    static final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    JsonHttp api;

    @BeforeAll
    static void record() {
        topics = RecordedTopics.of(Topics.SESSION_EVENTS);
    }

    @AfterAll
    static void stop() {
        topics.close();
    }

    @BeforeEach
    void client() {
        api = Api.frontDesk(port);
    }

    @Test
    void changingContactDetailsPublishesThemAll() {
        String id = Api.registerPatient(api);

        var changed = api.put("/api/patients/" + id + "/contact", """
                {"firstName":"Ana","lastName":"Diaz Ruiz","mobilePhone":"(720) 555-0177","preferredLanguage":"es",
                 "timeZone":"America/Phoenix"}""");

        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().path("mobilePhone").asString()).isEqualTo("+17205550177");
        var event = await().atMost(Duration.ofSeconds(20))
                .until(() -> last(id, "clinic.patient.contact-changed.v1"), e -> e != null);
        var body = json.readTree(event.body());
        assertThat(body.path("lastName").asString()).isEqualTo("Diaz Ruiz");
        assertThat(body.path("preferredLanguage").asString()).isEqualTo("es");
        assertThat(body.path("timeZone").asString()).isEqualTo("America/Phoenix");
        assertThat(api.put("/api/patients/" + id + "/contact", "{\"firstName\":\"Ana\"}")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void aChangeMadeOnAnOlderReadIsRefusedWith412AndOverwritesNothing() {
        String id = Api.registerPatient(api);
        String read = api.get("/api/patients/" + id).header("ETag");

        // a colleague changes the number first, from the same read
        var first = api.with("If-Match", read).put("/api/patients/" + id + "/contact", """
                {"firstName":"Ana","lastName":"Diaz","mobilePhone":"(720) 555-0123"}""");
        var second = api.with("If-Match", read).put("/api/patients/" + id + "/contact", """
                {"firstName":"Ana","lastName":"Diaz","mobilePhone":"(720) 555-0199"}""");
        var consent = api.with("If-Match", read)
                .put("/api/patients/" + id + "/sms-consent", "{\"granted\":false,\"source\":\"phone-call\"}");
        var mangled = api.with("If-Match", "yesterday")
                .put("/api/patients/" + id + "/sms-consent", "{\"granted\":false,\"source\":\"phone-call\"}");

        assertThat(read).isNotBlank();
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.header("ETag")).isNotEqualTo(read);
        assertThat(second.status()).as(second.body()).isEqualTo(412);
        assertThat(second.contentType()).contains("application/problem+json");
        assertThat(second.json().path("detail").asString()).contains("changed since you read it");
        assertThat(consent.status()).isEqualTo(412);
        assertThat(mangled.status()).isEqualTo(400);
        var now = api.get("/api/patients/" + id);
        assertThat(now.json().path("mobilePhone").asString()).isEqualTo("+17205550123");
        assertThat(now.json().path("smsConsent").path("granted").asBoolean()).isTrue();
        // with the current ETag the change goes through
        assertThat(api.with("If-Match", now.header("ETag"))
                        .put("/api/patients/" + id + "/sms-consent", "{\"granted\":false,\"source\":\"phone-call\"}")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void consentChangesAreKeptAsHistoryAndPublished() {
        String id = Api.registerPatient(api);

        var withdrawn =
                api.put("/api/patients/" + id + "/sms-consent", "{\"granted\":false,\"source\":\"phone-call\"}");

        assertThat(withdrawn.json().path("smsConsent").path("granted").asBoolean())
                .isFalse();
        assertThat(withdrawn.json().path("consentHistory").findValuesAsString("source"))
                .containsExactly("front-desk", "phone-call");
        assertThat(withdrawn
                        .json()
                        .path("consentHistory")
                        .get(1)
                        .path("recordedBy")
                        .asString())
                .isEqualTo("frontdesk");
        var event = await().atMost(Duration.ofSeconds(20))
                .until(() -> last(id, "clinic.patient.sms-consent-changed.v1"), e -> e != null);
        assertThat(json.readTree(event.body())
                        .path("smsConsent")
                        .path("granted")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void everyPatientEventCarriesTheRevisionOfThePatientRecordItLeftBehind() {
        String id = Api.registerPatient(api);
        api.put("/api/patients/" + id + "/sms-consent", "{\"granted\":false,\"source\":\"phone-call\"}");
        api.put("/api/patients/" + id + "/sms-consent", "{\"granted\":true,\"source\":\"phone-call\"}");
        api.put("/api/patients/" + id + "/contact", """
                {"firstName":"Ana","lastName":"Diaz","mobilePhone":"(720) 555-0177","preferredLanguage":"en",
                 "timeZone":"America/Denver"}""");

        var events = await().atMost(Duration.ofSeconds(20)).until(() -> topics.forKey(id), list -> list.size() == 4);
        assertThat(events)
                .extracting(e -> e.ceType() + "@"
                        + json.readTree(e.body()).path("patientRevision").asLong(-1))
                .containsExactly(
                        "clinic.patient.registered.v1@0",
                        "clinic.patient.sms-consent-changed.v1@1",
                        "clinic.patient.sms-consent-changed.v1@2",
                        "clinic.patient.contact-changed.v1@3");
    }

    @Test
    void aStopTextedByThePatientIsRecordedInTheConsentHistoryOnce() {
        String id = Api.registerPatient(api);
        var stop = new com.seriescare.contracts.notification.InboundMessageReceived(
                id, "in-1", "stop", false, "0142", java.time.Instant.parse("2026-10-21T02:00:00Z"));

        try (var publisher = new com.seriescare.testsupport.EventPublisherForTests()) {
            String eventId = publisher.publish(stop);
            publisher.publish(stop, eventId);
        }

        var patient = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> api.get("/api/patients/" + id).json(),
                        p -> !p.path("smsConsent").path("granted").asBoolean());
        assertThat(patient.path("smsConsent").path("source").asString()).isEqualTo("sms-reply");
        assertThat(patient.path("smsConsent").path("recordedBy").asString()).isEqualTo("patient");
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(5))
                .until(() -> api.get("/api/patients/" + id)
                                .json()
                                .path("consentHistory")
                                .size()
                        == 2);
    }

    @Test
    void patientsAreFoundByNameOrByPhoneInAnyFormatWithinTheClinicOnly() {
        String surname = "Quintana" + UUID.randomUUID().toString().substring(0, 6);
        var created = api.post("/api/patients", """
                {"firstName":"Rosa","lastName":"%s","mobilePhone":"+17205550123","smsConsent":{"granted":true,"source":"front-desk"}}""".formatted(surname));
        String id = created.json().path("id").asString();

        assertThat(api.get("/api/patients?q=" + surname.toLowerCase()).json().findValuesAsString("id"))
                .containsExactly(id);
        assertThat(api.get("/api/patients?q=720-555-0123").json().findValuesAsString("id"))
                .contains(id);
        assertThat(Api.westSlope(port).get("/api/patients?q=" + surname).json()).isEmpty();
        assertThat(api.get("/api/patients?q=").status()).isEqualTo(400);
    }

    @Test
    void aNameWithPunctuationIsFoundLiterallyAndRegexCharactersAreJustCharacters() {
        String surname = "O'Brien-Núñez." + UUID.randomUUID().toString().substring(0, 6);
        var created = api.post("/api/patients", """
                {"firstName":"Rosa","lastName":"%s","mobilePhone":"+17205550124","smsConsent":{"granted":true,"source":"front-desk"}}""".formatted(surname));
        String id = created.json().path("id").asString();

        var found = api.get("/api/patients?q="
                + java.net.URLEncoder.encode(surname.toLowerCase(), java.nio.charset.StandardCharsets.UTF_8));
        assertThat(found.json().findValuesAsString("id")).containsExactly(id);
        for (String typed : List.of("(", "a+*", "\\Q", "[", "o.brien")) {
            var answer = api.get(
                    "/api/patients?q=" + java.net.URLEncoder.encode(typed, java.nio.charset.StandardCharsets.UTF_8));
            assertThat(answer.status()).as(typed).isEqualTo(200);
            assertThat(answer.json().findValuesAsString("id")).as(typed).doesNotContain(id);
        }
    }

    @Test
    void aSecondPatientWithTheSamePhoneIsAllowedWithAWarning() {
        String phone = "+1720555" + (1000 + (int) (Math.random() * 8999));
        String body = """
                {"firstName":"%s","lastName":"Lopez","mobilePhone":"%s","smsConsent":{"granted":true,"source":"front-desk"}}""";

        var first = api.post("/api/patients", body.formatted("Maria", phone));
        var second = api.post("/api/patients", body.formatted("Jose", phone));

        assertThat(first.json().path("warnings")).isEmpty();
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.json().path("warnings").get(0).asString()).contains("Maria Lopez", "same mobile phone");
    }

    private Recorded last(String patientId, String ceType) {
        List<Recorded> matching = topics.forKey(patientId).stream()
                .filter(r -> ceType.equals(r.ceType()))
                .toList();
        return matching.isEmpty() ? null : matching.getLast();
    }
}
