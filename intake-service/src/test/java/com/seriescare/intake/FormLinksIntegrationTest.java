package com.seriescare.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.seriescare.testsupport.MutableClock;
import java.time.Instant;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

@IntakeServiceTest
class FormLinksIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    MongoTemplate mongo;

    @AfterEach
    void resetClock() {
        clock.set(IntakeServiceTest.NOW);
    }

    @Test
    void openingTheLinkTwiceChangesNothingAndThenThePatientCanSendIt() {
        var booked = Fixture.book("en", "2026-12-01T16:00:00Z");
        String path = Fixture.checklistPath(booked, 1);
        var phone = new FormHttp(port);

        var preview = phone.get(path); // a link-preview bot
        var opened = phone.get(path); // the patient
        var sent = phone.post(path, FormHttp.goodChecklist());

        assertThat(preview.status()).isEqualTo(200);
        assertThat(opened.html()).contains("How will you get home after your appointment?");
        assertThat(sent.status()).isEqualTo(200);
        assertThat(sent.html()).contains("Thank you!");
        // the page names the appointment and the clinic, never the treatment
        assertThat(opened.html().toLowerCase()).doesNotContain("ketamine", "infusion", "depression", "therapy");
        assertThat(opened.header("Cache-Control")).contains("no-store");
        assertThat(opened.header("Referrer-Policy")).isEqualTo("no-referrer");
    }

    @Test
    void aWrongTokenAndAnotherPatientsTokenAreRefusedAlikeRevealingNothing() {
        var mine = Fixture.book("en", "2026-12-01T16:00:00Z");
        var theirs = Fixture.book("en", "2026-12-02T16:00:00Z");
        String myPath = Fixture.checklistPath(mine, 1);
        String theirPath = Fixture.checklistPath(theirs, 1);
        String myFormId = myPath.split("/")[2];
        String theirToken = theirPath.split("/")[3];
        var phone = new FormHttp(port);

        var wrong = phone.get("/f/" + myFormId + "/AAAAAAAAAAAAAAAAAAAAAA");
        var crossed = phone.get("/f/" + myFormId + "/" + theirToken);
        var unknownForm = phone.get("/f/nosuchform/" + theirToken);
        var crossedPost = phone.post("/f/" + myFormId + "/" + theirToken, FormHttp.goodChecklist());

        for (var page : java.util.List.of(wrong, crossed, unknownForm, crossedPost)) {
            assertThat(page.status()).isEqualTo(404);
            assertThat(page.html()).contains("This link does not work").doesNotContain("Front Range", "555-0100");
        }
        assertThat(crossed.html()).isEqualTo(wrong.html()).isEqualTo(unknownForm.html());
        // and the form is untouched
        assertThat(phone.get(myPath).html()).contains("How will you get home");
    }

    @Test
    void aPhoneGuessingLinksIsHeldUpWhileThePatientsOwnLinkStillWorks() {
        var booked = Fixture.book("en", "2026-12-01T16:00:00Z");
        String path = Fixture.checklistPath(booked, 1);
        String formId = path.split("/")[2];
        var guesser = new FormHttp(port).from("10.66.0.7");
        for (int i = 0; i < 20; i++) {
            assertThat(guesser.get("/f/" + formId + "/guess" + i + "AAAAAAAAAAAAAAAA")
                            .status())
                    .isEqualTo(404);
        }

        var heldUp = guesser.get(path);
        var heldUpPost = guesser.post(path, FormHttp.goodChecklist());
        var patient = new FormHttp(port).from("10.66.0.8").get(path);

        // even the right link waits: a guesser that found it learns nothing more for a while
        assertThat(heldUp.status()).isEqualTo(429);
        assertThat(heldUp.header("Retry-After")).isNotBlank();
        assertThat(heldUp.html()).contains("Too many tries").doesNotContain("How will you get home");
        assertThat(heldUpPost.status()).isEqualTo(429);
        assertThat(patient.status()).isEqualTo(200);
        assertThat(patient.html()).contains("How will you get home");
    }

    @Test
    void aFloodOfSubmissionsForOneFormIsHeldUp() {
        var booked = Fixture.book("en", "2026-12-01T16:00:00Z");
        String path = Fixture.checklistPath(booked, 1);
        var incomplete = FormHttp.goodChecklist();
        incomplete.remove("rideHome");
        int answered = 0;
        for (int i = 0; i < 30; i++) {
            answered += new FormHttp(port)
                                    .from("10.67.0." + i)
                                    .post(path, incomplete)
                                    .status()
                            == 429
                    ? 0
                    : 1;
        }

        var flooded = new FormHttp(port).from("10.67.1.1").post(path, FormHttp.goodChecklist());

        assertThat(answered).isEqualTo(30);
        assertThat(flooded.status()).isEqualTo(429);
    }

    @Test
    void anExpiredLinkSaysSoKindlyWithTheClinicsPhoneAndAcceptsNothing() {
        var booked = Fixture.book("es", "2026-12-01T16:00:00Z");
        String path = Fixture.checklistPath(booked, 1);
        clock.set(Instant.parse("2026-12-01T16:00:00Z"));
        var phone = new FormHttp(port);

        var page = phone.get(path);
        var post = phone.post(path, FormHttp.goodChecklist());

        assertThat(page.status()).isEqualTo(410);
        assertThat(page.html()).contains("Este formulario está cerrado").contains("(303) 555-0100");
        assertThat(post.status()).isEqualTo(410);
    }

    @Test
    void aUsedLinkSaysTheAnswersArrivedAndASecondSendingIsRefused() {
        var booked = Fixture.book("en", "2026-12-01T16:00:00Z");
        String path = Fixture.intakePath(booked);
        var phone = new FormHttp(port);
        assertThat(phone.post(path, FormHttp.goodIntake()).status()).isEqualTo(200);

        var again = phone.get(path);
        var postAgain = phone.post(path, FormHttp.goodIntake());

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.html()).contains("We already have your answers").contains("(303) 555-0100");
        assertThat(postAgain.status()).isEqualTo(409);
    }

    @Test
    void theDatabaseHoldsOnlyTheTokensHash() {
        var booked = Fixture.book("en", "2026-12-01T16:00:00Z");
        String path = Fixture.checklistPath(booked, 1);
        String formId = path.split("/")[2];
        String token = path.split("/")[3];

        Document stored = mongo.getCollection("patient_forms")
                .find(new Document("_id", formId))
                .first();

        assertThat(stored).isNotNull();
        assertThat(stored.toJson()).doesNotContain(token);
        assertThat(stored.getList("tokenHashes", String.class))
                .containsExactly(com.seriescare.intake.forms.LinkTokens.hash(token));
        assertThat(token).hasSizeGreaterThanOrEqualTo(22); // 128 random bits
    }

    @Test
    void aRejectedFormComesBackFilledInWithTheProblemNextToEachField() {
        var booked = Fixture.book("es", "2026-12-01T16:00:00Z");
        String path = Fixture.checklistPath(booked, 1);
        var answers = FormHttp.goodChecklist();
        answers.put("driverPhone", java.util.List.of("12"));
        answers.remove("safety");
        answers.put("driverName", java.util.List.of("Luis <b>Reyes</b>"));

        var page = new FormHttp(port).post(path, answers);

        assertThat(page.status()).isEqualTo(422);
        assertThat(page.html())
                .contains("Algunas respuestas necesitan revisión")
                .contains("id=\"driverPhone-error\"")
                .contains("Escriba un número de teléfono")
                .contains("id=\"safety-error\"")
                .contains("value=\"Luis &lt;b&gt;Reyes&lt;/b&gt;\"")
                .contains("value=\"12\"")
                .containsPattern("value=\"driver\"\\s+checked");
        assertThat(Fixture.published(booked, "checklist.completed")).isEmpty();
    }
}
