package com.seriescare.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.seriescare.contracts.Topics;
import com.seriescare.testsupport.JsonHttp;
import com.seriescare.testsupport.RecordedTopics;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A clinic admin words the clinic's texts through the API: each kind and language with a preview on a sample patient,
 * a template saved only when it passes the checks (422 naming the word or the segment count otherwise), every version
 * kept with who and when, the way back to the default, and the clinic's settings published again with the texts in
 * force (which is how notification-service uses them for the next text). Nobody else may touch them.
 */
@SchedulingServiceTest
class ClinicTextsIntegrationTest {

    static final JsonMapper json = JsonMapper.builder().build();
    static final String TEXTS = "/api/clinics/front-range/texts";
    static RecordedTopics topics;

    @LocalServerPort
    int port;

    @BeforeAll
    static void record() {
        topics = RecordedTopics.of(Topics.CLINIC_SETTINGS);
    }

    @AfterAll
    static void stop() {
        topics.close();
    }

    @Test
    void everyTextInEveryLanguageWithItsDefaultWordsVariablesAndPreview() {
        var response = Api.clinicAdmin(port).get(TEXTS);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json()).hasSize(32); // 16 kinds a clinic may word, in English and Spanish
        JsonNode confirmation = find(response.json(), "booking_confirmation", "en");
        assertThat(confirmation.path("template").asString())
                .startsWith("Hi {firstName}, your appointments at {clinic}");
        assertThat(confirmation.path("variables").toString()).contains("\"sessions\"", "\"firstName\"");
        JsonNode preview = confirmation.path("preview");
        assertThat(preview.path("text").asString()).startsWith("Hi Jordan, your appointments at Front Range Clinic");
        assertThat(preview.path("encoding").asString()).isEqualTo("GSM-7");
        assertThat(preview.path("segments").asInt()).isBetween(1, 2);
        assertThat(preview.path("segmentBudget").asInt()).isEqualTo(2);
        assertThat(preview.path("refusals")).isEmpty();
        // the page to the on-call clinician is not a clinic's to reword
        assertThat(response.body()).doesNotContain("on_call_page");
    }

    @Test
    void aTemplateNamingTheDrugIsRefusedWithAProblemNamingTheWordAndNothingIsSaved() {
        long before = version("prep_tips", "en");

        var refused = Api.clinicAdmin(port)
                .put(
                        TEXTS + "/prep_tips/en",
                        "{\"template\":\"Hi {firstName}, your ketamine session is tomorrow at {time}.\"}");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("detail").asString()).contains("\"ketamine\"");
        assertThat(refused.json().path("refusals").get(0).asString()).contains("\"ketamine\"", "discretion list");
        assertThat(version("prep_tips", "en")).isEqualTo(before);
    }

    @Test
    void aTemplateOverTheSegmentBudgetIsRefusedNamingTheSegmentCount() {
        String long_ = "Hi {firstName}, see you at {time}. " + "Please bring water and a warm layer. ".repeat(8);

        var refused = Api.clinicAdmin(port).put(TEXTS + "/day_of_reminder/en", "{\"template\":\"" + long_ + "\"}");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().path("segments").asInt()).isEqualTo(3);
        assertThat(refused.json().path("detail").asString()).contains("3 SMS segments", "budget is 2");
    }

    @Test
    void aSavedTemplateIsVersionedWithWhoAndWhenPublishedAndRevertable() {
        String words =
                "Hi {firstName}, we look forward to seeing you today at {time}. A ride home, please. {clinicPhone}";
        long before = version("day_of_reminder", "es");

        var saved = Api.clinicAdmin(port).put(TEXTS + "/day_of_reminder/es", "{\"template\":\"" + words + "\"}");

        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.json().path("custom").asBoolean()).isTrue();
        assertThat(saved.json().path("version").asLong()).isEqualTo(before + 1);
        assertThat(saved.json().path("changedBy").asString()).isEqualTo("admin");
        assertThat(saved.json().path("preview").path("text").asString()).startsWith("Hi Jordan, we look forward");
        JsonNode published = latestSettings(s -> s.path("texts").toString().contains("we look forward"));
        assertThat(published.path("texts").toString()).contains("\"kind\":\"day_of_reminder\"", "\"language\":\"es\"");

        var reverted = Api.clinicAdmin(port).delete(TEXTS + "/day_of_reminder/es");

        assertThat(reverted.status()).isEqualTo(200);
        assertThat(reverted.json().path("custom").asBoolean()).isFalse();
        assertThat(reverted.json().path("template").asString()).startsWith("Hola {firstName}, le esperamos hoy");
        latestSettings(s -> !s.path("texts").toString().contains("we look forward"));
        var versions = Api.clinicAdmin(port)
                .get(TEXTS + "/day_of_reminder/es/versions")
                .json();
        assertThat(versions.get(0).path("isDefault").asBoolean()).isTrue();
        assertThat(versions.get(1).path("template").asString()).isEqualTo(words);
        assertThat(versions.get(1).path("changedBy").asString()).isEqualTo("admin");
        assertThat(versions.get(1).path("changedAt").asString()).isNotBlank();
    }

    @Test
    void aPreviewSaysWhatWouldBeSentWithoutSavingIt() {
        long before = version("help_response", "en");

        var preview = Api.clinicAdmin(port)
                .post(
                        TEXTS + "/help_response/en/preview",
                        "{\"template\":\"{clinic}: call {clinicPhone}. Reply STOP to opt out. 😊\"}");

        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.json().path("text").asString())
                .isEqualTo("Front Range Clinic: call (303) 555-0100. Reply STOP to opt out. 😊");
        assertThat(preview.json().path("encoding").asString()).isEqualTo("UCS-2");
        assertThat(preview.json().path("refusals")).isEmpty();
        assertThat(version("help_response", "en")).isEqualTo(before);
    }

    @Test
    void theFrontDeskAndAnotherClinicsAdminAreRefused() {
        var frontDesk = Api.frontDesk(port).put(TEXTS + "/prep_tips/en", "{\"template\":\"Hi {firstName} {time}\"}");
        assertThat(frontDesk.status()).isEqualTo(403);
        assertThat(frontDesk.contentType()).startsWith("application/problem+json");
        assertThat(Api.frontDesk(port).get(TEXTS).status()).isEqualTo(403);
        assertThat(Api.integration(port).get(TEXTS).status()).isEqualTo(403);

        var otherClinic = Api.clinicAdmin(port).get("/api/clinics/west-slope/texts");
        assertThat(otherClinic.status()).isEqualTo(403);
        assertThat(otherClinic.json().path("detail").asString()).contains("west-slope");
        // and the admin sees no patient
        assertThat(Api.clinicAdmin(port).get("/api/patients").status()).isEqualTo(403);
    }

    @Test
    void badRequestsAreToldWhatIsWrong() {
        JsonHttp admin = Api.clinicAdmin(port);

        assertThat(admin.get(TEXTS + "/no_such_text/en").status()).isEqualTo(404);
        assertThat(admin.get(TEXTS + "/prep_tips/fr").json().path("detail").asString())
                .contains("fr");
        assertThat(admin.put(TEXTS + "/on_call_page/en", "{\"template\":\"{code}\"}")
                        .status())
                .isEqualTo(404);
        var noTemplate = admin.put(TEXTS + "/prep_tips/en", "{}");
        assertThat(noTemplate.status()).isEqualTo(400);
        assertThat(noTemplate.body()).contains("template");
        assertThat(admin.put(TEXTS + "/prep_tips/en", "not json").status()).isEqualTo(400);
    }

    @Test
    void theTimingOfTextsIsEditedCheckedVersionedPublishedAndRevertable() {
        JsonHttp admin = Api.clinicAdmin(port);
        var defaults = admin.get("/api/clinics/front-range/timing");
        assertThat(defaults.status()).isEqualTo(200);
        assertThat(defaults.json().path("timing").path("prepTipsAt").asString()).isEqualTo("18:00:00");
        assertThat(defaults.json().path("timing").path("quietHoursStart").asString())
                .isEqualTo("21:00:00");

        var refused = admin.put("/api/clinics/front-range/timing", """
                {"prepTipsAt":"21:30","dayOfReminderBefore":"PT3H","postSessionAfter":"PT15M","checkInAt":"10:00",
                 "midSeriesNoteAt":"17:00","endOfSeriesAt":"12:00","quietHoursStart":"21:00","quietHoursEnd":"08:00"}""");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().path("errors").get(0).path("field").asString())
                .isEqualTo("prepTipsAt");
        assertThat(refused.json().path("detail").asString()).contains("quiet hours (21:00–08:00)");

        var saved = admin.put("/api/clinics/front-range/timing", """
                {"prepTipsAt":"17:30","dayOfReminderBefore":"PT2H","postSessionAfter":"PT15M","checkInAt":"10:00",
                 "midSeriesNoteAt":"17:00","endOfSeriesAt":"12:00","quietHoursStart":"20:00","quietHoursEnd":"08:30"}""");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().path("custom").asBoolean()).isTrue();
        assertThat(saved.json().path("changedBy").asString()).isEqualTo("admin");
        JsonNode published = latestSettings(
                s -> s.path("timing").path("prepTipsAt").asString().equals("17:30"));
        assertThat(published.path("timing").path("dayOfReminderBefore").asString())
                .isEqualTo("PT2H");
        assertThat(published.path("texting").path("quietHoursStart").asString()).isEqualTo("20:00");
        assertThat(published.path("texting").path("quietHoursEnd").asString()).isEqualTo("08:30");

        assertThat(Api.frontDesk(port).get("/api/clinics/front-range/timing").status())
                .isEqualTo(403);
        var reverted = admin.delete("/api/clinics/front-range/timing");
        assertThat(reverted.json().path("custom").asBoolean()).isFalse();
        JsonNode back = latestSettings(
                s -> s.path("timing").isNull() || s.path("timing").isMissingNode());
        assertThat(back.path("texting").path("quietHoursStart").asString()).isEqualTo("21:00");
        assertThat(admin.get("/api/clinics/front-range/timing/versions")
                        .json()
                        .get(1)
                        .path("changedBy")
                        .asString())
                .isEqualTo("admin");
    }

    private long version(String kind, String language) {
        return Api.clinicAdmin(port)
                .get(TEXTS + "/" + kind + "/" + language)
                .json()
                .path("version")
                .asLong();
    }

    private static JsonNode find(JsonNode texts, String kind, String language) {
        for (JsonNode text : texts) {
            if (text.path("kind").asString().equals(kind)
                    && text.path("language").asString().equals(language)) {
                return text;
            }
        }
        throw new AssertionError("no " + kind + "/" + language + " in " + texts);
    }

    private static JsonNode latestSettings(java.util.function.Predicate<JsonNode> condition) {
        return await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> {
                            var records = topics.forKey("front-range");
                            return records.isEmpty()
                                    ? json.missingNode()
                                    : json.readTree(records.getLast().body());
                        },
                        condition::test);
    }
}
