package com.seriescare.scheduling;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import com.seriescare.contracts.intake.ChecklistCompleted;
import com.seriescare.contracts.intake.IntakeFlagged;
import com.seriescare.testsupport.EventPublisherForTests;
import com.seriescare.testsupport.SystemChromium;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The front desk's web app in real headless Chromium, on a tablet-sized screen. */
@SchedulingServiceTest
class FrontDeskBrowserTest {

    static final Browser browser = SystemChromium.browser();
    static final EventPublisherForTests events = new EventPublisherForTests();

    @LocalServerPort
    int port;

    @AfterAll
    static void stop() {
        events.close();
    }

    BrowserContext tablet() {
        return browser.newContext(
                new Browser.NewContextOptions().setViewportSize(1180, 820).setBaseURL("http://localhost:" + port));
    }

    static void signIn(Page page, String user, String password) {
        page.navigate("/today");
        page.getByLabel("Username").fill(user);
        page.getByLabel("Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                .click();
    }

    /** A patient with a name of their own and a session on 21 (and 28) October 2026, in Denver. */
    record Booked(String name, String patientId, String seriesId, String sessionId) {}

    Booked bookOnTheTwentyFirst() {
        return bookOnTheTwentyFirst(true, "13:00");
    }

    Booked bookOnTheTwentyFirst(boolean consentsToTexts, String time) {
        String last = "Tester" + UUID.randomUUID().toString().substring(0, 6);
        var api = Api.frontDesk(port);
        String patient = Api.ANA
                .replace("\"Diaz\"", "\"" + last + "\"")
                .replace("\"granted\":true", "\"granted\":" + consentsToTexts);
        String patientId = api.post("/api/patients", patient).json().path("id").asString();
        var series = api.post("/api/series", """
                {"patientId":"%s","sessions":[{"start":"2026-10-21T%s"},{"start":"2026-10-28T%s"}]}""".formatted(patientId, time, time));
        assertThat(series.status()).as(series.body()).isEqualTo(201);
        return new Booked(
                "Ana " + last,
                patientId,
                series.json().path("id").asString(),
                series.json().path("sessions").get(0).path("id").asString());
    }

    @Test
    void theFrontDeskSignsInFindsTheDayChecksInAndCompletesASession() {
        var booked = bookOnTheTwentyFirst();
        try (var context = tablet()) {
            Page page = context.newPage();
            signIn(page, "frontdesk", "not-the-password");
            assertThat(page.getByRole(AriaRole.ALERT)).containsText("Wrong username or password");
            SystemChromium.screenshot(page, "frontdesk-sign-in-refused");

            page.getByLabel("Username").fill("frontdesk");
            page.getByLabel("Password").fill("frontdesk");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))
                    .click();
            assertThat(page.getByRole(
                            AriaRole.HEADING, new Page.GetByRoleOptions().setName("Today, Tuesday, October 20, 2026")))
                    .isVisible();

            page.getByLabel("Day", new Page.GetByLabelOptions().setExact(true)).fill("2026-10-21");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show"))
                    .click();
            Locator row = page.locator("tr", new Page.LocatorOptions().setHasText(booked.name()));
            assertThat(row).containsText("1:00 PM");
            assertThat(row).containsText("Session 1 of 2");
            assertThat(row).containsText("✗ Checklist");
            SystemChromium.screenshot(page, "frontdesk-today");

            // a checklist completed on the patient's phone shows up without a reload
            events.publish(new ChecklistCompleted(
                    booked.patientId(),
                    booked.seriesId(),
                    booked.sessionId(),
                    true,
                    SchedulingServiceTest.NOW,
                    "patient"));
            assertThat(row).containsText("✓ Checklist", new LocatorAssertions.ContainsTextOptions().setTimeout(20_000));
            assertThat(row).containsText("✓ Ride home");
            // an intake answer a clinician must see before the session
            events.publish(new IntakeFlagged(
                    booked.patientId(),
                    booked.seriesId(),
                    null,
                    "intake-" + booked.seriesId(),
                    "intake",
                    List.of("high_blood_pressure"),
                    SchedulingServiceTest.NOW));
            // the front desk learns that a clinician must look, not what the patient answered (a screen others see)
            assertThat(row)
                    .containsText(
                            "⚑ Clinician to review", new LocatorAssertions.ContainsTextOptions().setTimeout(20_000));
            assertThat(row).not().containsText("blood pressure");

            row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Check in"))
                    .click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("Checked in.");
            assertThat(row).containsText("Checked in");
            row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Complete"))
                    .click();
            assertThat(row).containsText("Completed");
            assertThat(row.getByRole(AriaRole.BUTTON)).hasCount(0);
        }
        var series = Api.frontDesk(port).get("/api/series/" + booked.seriesId());
        assertThat(series.json().path("sessions").get(0).path("status").asString())
                .isEqualTo("fulfilled");
    }

    @Test
    void movingOrCancellingSaysWhetherThePatientIsToldByTextOrMustBeCalled() {
        var texted = bookOnTheTwentyFirst(true, "09:00");
        var notTexted = bookOnTheTwentyFirst(false, "10:00");
        try (var context = tablet()) {
            Page page = context.newPage();
            signIn(page, "frontdesk", "frontdesk");
            page.navigate("/today?date=2026-10-21");

            Locator row = page.locator("tr", new Page.LocatorOptions().setHasText(texted.name()));
            row.getByText("Reschedule or cancel").click();
            row.getByLabel("New date and time").fill("2026-10-21T15:00");
            row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Move"))
                    .click();
            assertThat(page.getByRole(AriaRole.STATUS).first()).hasText("Session moved. The patient is told by text.");
            assertThat(page.locator("tr", new Page.LocatorOptions().setHasText(texted.name())))
                    .containsText("3:00 PM");

            Locator other = page.locator("tr", new Page.LocatorOptions().setHasText(notTexted.name()));
            other.getByText("Reschedule or cancel").click();
            other.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cancel session"))
                    .click();
            assertThat(page.getByRole(AriaRole.STATUS).first())
                    .hasText("Session cancelled. The patient gets no texts (no consent): call them.");
        }
    }

    @Test
    void anIntegrationAccountIsRefusedThePages() {
        try (var context = tablet()) {
            Page page = context.newPage();
            signIn(page, "integration", "integration");

            assertThat(page.getByRole(AriaRole.HEADING)).hasText("This account cannot use the front desk");
            assertThat(page.navigate("/today").status()).isEqualTo(403);
        }
    }

    @Test
    void anExpiredSessionAsksToSignInAgain() {
        try (var context = tablet()) {
            Page page = context.newPage();
            signIn(page, "frontdesk", "frontdesk");
            assertThat(page).hasURL("http://localhost:" + port + "/today");

            // the server no longer knows the session (it expired, or the service restarted)
            context.clearCookies();
            context.addCookies(List.of(new Cookie("JSESSIONID", "expired-session")
                    .setDomain("localhost")
                    .setPath("/")));
            page.navigate("/today");

            assertThat(page).hasURL("http://localhost:" + port + "/login?expired");
            assertThat(page.getByRole(AriaRole.ALERT)).containsText("Your session has expired");
        }
    }

    @Test
    void signingOutEndsTheSession() {
        try (var context = tablet()) {
            Page page = context.newPage();
            signIn(page, "frontdesk", "frontdesk");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))
                    .click();

            assertThat(page.getByRole(AriaRole.STATUS)).containsText("You are signed out");
            page.navigate("/today");
            assertThat(page.getByLabel("Username")).isVisible();
        }
    }
}
