package com.seriescare.intake;

import static com.seriescare.intake.Fixture.PATIENCE;
import static com.seriescare.intake.Fixture.body;
import static com.seriescare.intake.Fixture.published;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.seriescare.testsupport.JsonHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntakeServiceTest
class FrontDeskApiIntegrationTest {

    @LocalServerPort
    int port;

    JsonHttp as(String user) {
        return JsonHttp.at("http://localhost:" + port).as(user, user);
    }

    @Test
    void theFrontDeskRecordsAChecklistCompletedByPhoneWithWhoAndWhen() {
        var booked = Fixture.book("en", "2026-12-01T16:00:00Z");
        Fixture.checklistPath(booked, 1);
        String path = "/api/sessions/" + booked.sessionId(1) + "/checklist";

        var recorded = as("frontdesk").post(path + "/completed-by-phone", "{\"rideHomeConfirmed\": true}");
        var again = as("frontdesk").post(path + "/completed-by-phone", "{\"rideHomeConfirmed\": true}");

        assertThat(recorded.status()).isEqualTo(200);
        assertThat(recorded.json().path("status").asString()).isEqualTo("completed");
        assertThat(recorded.json().path("completedBy").asString()).isEqualTo("frontdesk");
        assertThat(recorded.json().path("completedVia").asString()).isEqualTo("phone");
        assertThat(recorded.json().path("completedAt").asString()).isEqualTo("2026-10-20T16:00:00Z");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        var completed =
                await().atMost(PATIENCE).until(() -> published(booked, "checklist.completed"), list -> !list.isEmpty());
        assertThat(body(completed.getFirst()).path("completedBy").asString()).isEqualTo("frontdesk");
        assertThat(body(completed.getFirst()).path("rideHomeConfirmed").asBoolean())
                .isTrue();
        // the patient's link now says the answers are in
        assertThat(new FormHttp(port).get(Fixture.checklistPath(booked, 1)).html())
                .contains("We already have your answers");
    }

    @org.springframework.beans.factory.annotation.Autowired
    com.seriescare.servicesupport.audit.AuditTrail audit;

    @Test
    void lookingAtAnswersIsInTheAuditTrailWithWhoLookedAndAPatientsAnswersAreThePatients() {
        var booked = Fixture.book("en", "2026-12-01T16:00:00Z");
        String path = Fixture.checklistPath(booked, 1);
        assertThat(new FormHttp(port).post(path, FormHttp.goodChecklist()).status())
                .isEqualTo(200);

        assertThat(as("frontdesk")
                        .get("/api/sessions/" + booked.sessionId(1) + "/checklist")
                        .status())
                .isEqualTo(200);

        var trail = await().atMost(PATIENCE)
                .until(
                        () -> audit.of(booked.patientId()),
                        entries -> entries.stream()
                                .anyMatch(entry -> entry.what().equals("clinic.form.answers-viewed.v1")));
        assertThat(trail)
                .extracting(entry -> entry.what() + " by " + entry.actor())
                .contains("clinic.form.answers-viewed.v1 by frontdesk", "clinic.checklist.completed.v1 by patient");
    }

    @Test
    void theIntakeCanBeCompletedByPhoneToo() {
        var booked = Fixture.book("en", "2026-12-01T16:00:00Z");
        Fixture.intakePath(booked);

        var recorded = as("frontdesk").post("/api/series/" + booked.seriesId() + "/intake/completed-by-phone", "");

        assertThat(recorded.status()).isEqualTo(200);
        assertThat(recorded.json().path("status").asString()).isEqualTo("completed");
        var completed =
                await().atMost(PATIENCE).until(() -> published(booked, "intake.completed"), list -> !list.isEmpty());
        assertThat(body(completed.getFirst()).path("completedBy").asString()).isEqualTo("frontdesk");
    }

    @Test
    void badInputGetsAProblemDetailAndChangesNothing() {
        var booked = Fixture.book("en", "2026-12-01T16:00:00Z");
        Fixture.checklistPath(booked, 1);
        String path = "/api/sessions/" + booked.sessionId(1) + "/checklist/completed-by-phone";

        var missing = as("frontdesk").post(path, "{}");
        var malformed = as("frontdesk").post(path, "{ride");

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().path("errors").get(0).path("field").asString())
                .isEqualTo("rideHomeConfirmed");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        assertThat(JsonFrontDesk.status(port, "/api/sessions/" + booked.sessionId(1) + "/checklist"))
                .isEqualTo("requested");
    }

    @Test
    void anotherClinicsFormsAreNotThereForYouAndStrangersAreTurnedAway() {
        var booked = Fixture.bookAt("west-slope", "en", "2026-12-01T16:00:00Z");
        Fixture.checklistPath(booked, 1);
        String checklist = "/api/sessions/" + booked.sessionId(1) + "/checklist";

        assertThat(as("westdesk").get(checklist).status()).isEqualTo(200);
        // the West Slope clinic's checklists are due 12 h before
        assertThat(as("westdesk").get(checklist).json().path("dueAt").asString())
                .isEqualTo("2026-12-01T04:00:00Z");
        assertThat(as("frontdesk").get(checklist).status()).isEqualTo(404);
        assertThat(as("frontdesk")
                        .post(checklist + "/completed-by-phone", "{\"rideHomeConfirmed\": true}")
                        .status())
                .isEqualTo(404);
        assertThat(as("integration").get(checklist).status()).isEqualTo(404);
        assertThat(as("integration")
                        .post("/api/series/" + booked.seriesId() + "/intake/completed-by-phone", "")
                        .status())
                .isEqualTo(403);
        var anonymous = JsonHttp.at("http://localhost:" + port).get(checklist);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
    }
}
