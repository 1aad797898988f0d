package com.seriescare.intake;

import static com.seriescare.intake.Fixture.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.seriescare.contracts.Topics;
import com.seriescare.testsupport.JsonHttp;
import com.seriescare.testsupport.RecordedTopics;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Flagged answers are the clinicians': the front desk sees that a clinician must look before the session and the
 * answers it works with (the ride home), never the clinical ones; a clinician sees every answer, the clinic's flagged
 * forms still to review, and marks them reviewed.
 */
@IntakeServiceTest
class ClinicalReviewIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    com.seriescare.servicesupport.audit.AuditTrail audit;

    static RecordedTopics topics;

    @BeforeAll
    static void record() {
        topics = RecordedTopics.of(Topics.INTAKE_EVENTS);
    }

    @AfterAll
    static void stop() {
        topics.close();
    }

    JsonHttp as(String user) {
        return JsonHttp.at("http://localhost:" + port).as(user, user);
    }

    @Test
    void theFrontDeskSeesAClinicianMustLookAndTheClinicianSeesWhyAndMarksItReviewed() {
        var booked = Fixture.book("en", "2026-12-01T16:00:00Z");
        var answers = FormHttp.goodChecklist();
        answers.put("medicationChanged", List.of("yes"));
        answers.put("medicationChanges", List.of("Started lamotrigine 25 mg last week"));
        assertThat(new FormHttp(port)
                        .post(Fixture.checklistPath(booked, 1), answers)
                        .status())
                .isEqualTo(200);
        String checklist = "/api/sessions/" + booked.sessionId(1) + "/checklist";

        var desk = await().atMost(PATIENCE)
                .until(
                        () -> as("frontdesk").get(checklist),
                        r -> r.json().path("status").asString().equals("flagged"));
        assertThat(desk.json().path("clinicianToReview").asBoolean()).isTrue();
        assertThat(desk.json().path("checklistAnswers").path("rideHome").asString())
                .isNotBlank();
        assertThat(desk.body()).doesNotContain("lamotrigine", "medication", "safety", "\"mood\"", "flags");
        assertThat(as("frontdesk").get("/api/clinical/flagged").status()).isEqualTo(403);
        assertThat(as("frontdesk").get("/api/clinical" + checklist).status()).isEqualTo(403);

        var flagged = as("clinician").get("/api/clinical/flagged");
        assertThat(flagged.status()).isEqualTo(200);
        var form = flagged.json()
                .valueStream()
                .filter(f -> f.path("sessionId").asString().equals(booked.sessionId(1)))
                .findFirst()
                .orElseThrow();
        assertThat(form.path("checklistAnswers").path("medicationChanges").asString())
                .isEqualTo("Started lamotrigine 25 mg last week");
        assertThat(form.path("flags").get(0).asString()).isEqualTo("medication_change");
        String formId = form.path("formId").asString();

        var reviewed = as("clinician").post("/api/clinical/forms/" + formId + "/reviewed", "");
        var again = as("clinician").post("/api/clinical/forms/" + formId + "/reviewed", "");

        assertThat(reviewed.status()).isEqualTo(200);
        assertThat(reviewed.json().path("reviewedBy").asString()).isEqualTo("clinician");
        assertThat(again.json().path("reviewedAt").asString())
                .isEqualTo(reviewed.json().path("reviewedAt").asString());
        assertThat(as("clinician").get("/api/clinical/flagged").json().valueStream())
                .noneMatch(f -> f.path("formId").asString().equals(formId));
        assertThat(as("frontdesk")
                        .get(checklist)
                        .json()
                        .path("clinicianToReview")
                        .asBoolean())
                .isFalse();
        // each look is an event (who, when, which answers; never the answers) and so in the audit trail
        var trail = await().atMost(PATIENCE)
                .until(
                        () -> audit.of(booked.patientId()),
                        entries -> entries.stream()
                                .anyMatch(entry -> entry.what().equals("clinic.form.answers-viewed.v1")));
        assertThat(trail)
                .extracting(entry -> entry.what() + " by " + entry.actor())
                .contains("clinic.form.answers-viewed.v1 by clinician");
        var looks = await().atMost(PATIENCE)
                .until(
                        () -> looksAt(booked.patientId()),
                        records -> records.stream().anyMatch(r -> "clinician".equals(r.header("ce_actor"))));
        // the desk looked at its part first, then the clinician at every answer
        assertThat(looks)
                .extracting(r -> r.header("ce_actor"))
                .startsWith("frontdesk")
                .contains("clinician");
        assertThat(looks)
                .filteredOn(r -> "clinician".equals(r.header("ce_actor")))
                .allSatisfy(r -> assertThat(r.body())
                        .contains("\"viewedBy\":\"clinician\"", "\"part\":\"all\"", "\"form\":\"checklist\"")
                        .doesNotContain("lamotrigine", "medication"));
        assertThat(looks.getFirst().body()).contains("\"part\":\"logistics\"");
    }

    @Test
    void lookingAtAFormNotYetFilledInIsNoLookAtAnswers() {
        var booked = Fixture.book("en", "2026-12-01T16:00:00Z");
        String checklist = "/api/clinical/sessions/" + booked.sessionId(1) + "/checklist";
        var unfilled = await().atMost(PATIENCE).until(() -> as("clinician").get(checklist), r -> r.status() == 200);
        assertThat(unfilled.json().path("status").asString()).isEqualTo("requested");
        assertThat(new FormHttp(port)
                        .post(Fixture.checklistPath(booked, 1), FormHttp.goodChecklist())
                        .status())
                .isEqualTo(200);
        await().atMost(PATIENCE)
                .until(
                        () -> as("clinician").get(checklist),
                        r -> r.json().path("status").asString().equals("completed"));

        // the form's events are published in the order they happened: no look before the answers came
        var events = await().atMost(PATIENCE)
                .until(
                        () -> topics.forKey(booked.patientId()).stream()
                                .map(RecordedTopics.Recorded::ceType)
                                .filter(type -> type.equals("clinic.checklist.completed.v1")
                                        || type.equals("clinic.form.answers-viewed.v1"))
                                .toList(),
                        types -> types.contains("clinic.checklist.completed.v1")
                                && types.contains("clinic.form.answers-viewed.v1"));
        assertThat(events).containsExactly("clinic.checklist.completed.v1", "clinic.form.answers-viewed.v1");
    }

    private List<RecordedTopics.Recorded> looksAt(String patientId) {
        return topics.forKey(patientId).stream()
                .filter(r -> r.ceType().equals("clinic.form.answers-viewed.v1"))
                .toList();
    }

    @Test
    void aFormWithNothingFlaggedHasNothingToReview() {
        var booked = Fixture.book("en", "2026-12-01T16:00:00Z");
        assertThat(new FormHttp(port)
                        .post(Fixture.checklistPath(booked, 1), FormHttp.goodChecklist())
                        .status())
                .isEqualTo(200);
        var form = await().atMost(PATIENCE)
                .until(
                        () -> as("clinician").get("/api/clinical/sessions/" + booked.sessionId(1) + "/checklist"),
                        r -> r.json().path("status").asString().equals("completed"));

        var reviewed = as("clinician")
                .post("/api/clinical/forms/" + form.json().path("formId").asString() + "/reviewed", "");

        assertThat(reviewed.status()).isEqualTo(409);
        assertThat(reviewed.json().path("detail").asString()).contains("nothing to review");
    }
}
