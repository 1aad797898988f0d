package com.seriescare.scheduling;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.seriescare.contracts.Topics;
import com.seriescare.contracts.care.CareAlertEscalated;
import com.seriescare.contracts.care.CareAlertRaised;
import com.seriescare.contracts.care.PatientWordsRecorded;
import com.seriescare.testsupport.EventPublisherForTests;
import com.seriescare.testsupport.RecordedTopics;
import com.seriescare.testsupport.SystemChromium;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The clinicians' care alerts in real Chromium: the page an on-call clinician's text links to opens the alert (after
 * signing in), acknowledging it there stops the paging (an event for notification-service), and an alert nobody
 * acknowledged in time shows red on the front desk's screens until someone does.
 */
@SchedulingServiceTest
class CareAlertsBrowserTest {

    static final Browser browser = SystemChromium.browser();
    static final EventPublisherForTests events = new EventPublisherForTests();
    static final LocatorAssertions.ContainsTextOptions EVENTUALLY =
            new LocatorAssertions.ContainsTextOptions().setTimeout(20_000);
    static RecordedTopics topics;

    @LocalServerPort
    int port;

    @BeforeAll
    static void record() {
        topics = RecordedTopics.of(Topics.CARE_ALERTS);
    }

    @AfterAll
    static void stop() {
        events.close();
        topics.close();
    }

    @Test
    void theOnCallClinicianOpensThePagedAlertAcknowledgesItAndTheRedBannerGoes() {
        String patientId = Api.registerPatient(Api.frontDesk(port));
        String alertId = UUID.randomUUID().toString();
        Instant at = Instant.parse("2026-11-21T09:00:00Z");
        events.publish(new PatientWordsRecorded(patientId, alertId, "I see no way forward tonight", at));
        events.publish(new CareAlertRaised(patientId, alertId, "crisis_language", "urgent", at, "front-range"));

        try (BrowserContext desk = context();
                BrowserContext phone = browser.newContext(new Browser.NewContextOptions()
                        .setViewportSize(390, 844)
                        .setBaseURL("http://localhost:" + port))) {
            Page frontDesk = desk.newPage();
            FrontDeskBrowserTest.signIn(frontDesk, "frontdesk", "frontdesk");
            assertThat(frontDesk).hasURL("http://localhost:" + port + "/today");

            // ten minutes and nobody answered: the next on-call is paged, and the front desk sees it at once
            events.publish(
                    new CareAlertEscalated(patientId, alertId, "front-range", "Dr. Ames", 2, at.plusSeconds(600)));
            assertThat(frontDesk.locator("#inbox-count .escalated")).containsText("not acknowledged", EVENTUALLY);
            SystemChromium.screenshot(frontDesk, "frontdesk-escalated-alert");

            // the link in the page, on the clinician's phone: sign in, land on the alert
            Page page = phone.newPage();
            page.navigate("/alerts/" + alertId);
            page.getByLabel("Username").fill("clinician");
            page.getByLabel("Password").fill("clinician");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                    .click();
            assertThat(page).hasURL("http://localhost:" + port + "/alerts/" + alertId);
            Locator alert = page.locator("li.item[data-alert='" + alertId + "']");
            assertThat(alert).containsText("Crisis language");
            assertThat(alert).containsText("I see no way forward tonight", EVENTUALLY);
            assertThat(alert).containsText("Dr. Ames is being paged");
            assertThat(alert.locator(".status")).hasText("Open");
            SystemChromium.screenshot(page, "clinician-alert");

            alert.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Acknowledge"))
                    .click();

            assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("nobody else will be paged");
            Locator acknowledged = page.locator("li.item[data-alert='" + alertId + "']");
            assertThat(acknowledged.locator(".status")).hasText("Acknowledged");
            assertThat(acknowledged).containsText("Acknowledged by clinician");
            assertThat(acknowledged.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Acknowledge")))
                    .hasCount(0);
            var ack = await().atMost(Duration.ofSeconds(20))
                    .until(
                            () -> topics.forKey(patientId).stream()
                                    .filter(r -> "clinic.care-alert.acknowledged.v1".equals(r.ceType()))
                                    .toList(),
                            list -> !list.isEmpty())
                    .getFirst();
            assertThat(ack.body()).contains("\"acknowledgedBy\":\"clinician\"", "\"via\":\"web\"", alertId);

            // the front desk's red banner goes without a reload
            assertThat(frontDesk.locator("#inbox-count .escalated"))
                    .hasCount(0, new LocatorAssertions.HasCountOptions().setTimeout(20_000));

            // the clinician's navigation is the alerts; the front desk's pages are not theirs
            page.getByRole(
                            AriaRole.LINK,
                            new Page.GetByRoleOptions().setName("Care alerts").setExact(true))
                    .click();
            assertThat(page.locator("li.item[data-alert='" + alertId + "']")).hasCount(1);
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Book a series")))
                    .hasCount(0);

            // the patient was called: handled, with who and when
            page.locator("li.item[data-alert='" + alertId + "']")
                    .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Mark as handled"))
                    .click();
            assertThat(page.locator("li.item[data-alert='" + alertId + "'] .status"))
                    .hasText("Handled");
            assertThat(page.locator("li.item[data-alert='" + alertId + "']")).containsText("Handled by clinician");
        }
    }

    /**
     * A form's answers a clinician must review: on the clinicians' alerts page with the answers, not in the front desk's
     * inbox; handling it there is published, which intake-service takes as the review.
     */
    @Test
    void answersToReviewAreTheCliniciansAndHandlingThemIsPublished() {
        String patientId = Api.registerPatient(Api.frontDesk(port));
        String alertId = "review-" + UUID.randomUUID();
        Instant at = Instant.parse("2026-11-21T15:00:00Z");
        events.publish(new PatientWordsRecorded(
                patientId,
                alertId,
                "Pre-visit checklist answers to review before the session: medication changed: started sertraline.",
                at));
        events.publish(new CareAlertRaised(patientId, alertId, "answers_to_review", "high", at, "front-range"));

        try (BrowserContext clinicianContext = context();
                BrowserContext desk = context()) {
            Page page = clinicianContext.newPage();
            FrontDeskBrowserTest.signIn(page, "clinician", "clinician");
            Locator alert = page.locator("li.item[data-alert='" + alertId + "']");
            page.navigate("/alerts");
            assertThat(alert).containsText("Answers to review", EVENTUALLY);
            assertThat(alert).containsText("started sertraline", EVENTUALLY);

            Page frontDesk = desk.newPage();
            FrontDeskBrowserTest.signIn(frontDesk, "frontdesk", "frontdesk");
            frontDesk.navigate("/inbox");
            assertThat(frontDesk.locator("#items")).not().containsText("sertraline");
            assertThat(frontDesk.locator("li.item[data-item='" + alertId + "']"))
                    .hasCount(0);

            alert.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Mark as handled"))
                    .click();
            assertThat(page.locator("li.item[data-alert='" + alertId + "'] .status"))
                    .hasText("Handled");
        }
        var handled = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> topics.forKey(patientId).stream()
                                .filter(r -> "clinic.care-alert.handled.v1".equals(r.ceType()))
                                .toList(),
                        list -> !list.isEmpty());
        assertThat(handled.getFirst().body()).contains("\"handledBy\":\"clinician\"", alertId);
        assertThat(handled.getFirst().body()).doesNotContain("sertraline");
    }

    @Test
    void theFrontDeskMayNotOpenTheClinicalAlertsPage() {
        try (BrowserContext desk = context()) {
            Page page = desk.newPage();
            FrontDeskBrowserTest.signIn(page, "frontdesk", "frontdesk");
            page.navigate("/alerts");
            assertThat(page.getByRole(AriaRole.HEADING)).containsText("not open to you", EVENTUALLY);
        }
    }

    private BrowserContext context() {
        return browser.newContext(
                new Browser.NewContextOptions().setViewportSize(1180, 820).setBaseURL("http://localhost:" + port));
    }
}
