package com.seriescare.devstack;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.seriescare.testsupport.SystemChromium;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A day at the front desk in headless Chromium, against the whole system (the three services as built, one broker,
 * one store, the Twilio fake): register a patient, book six sessions around a full slot, see them on the day,
 * a STOP and a crisis texted by the patient, check in and complete. A screenshot of each page is saved.
 */
@ExtendWith(RunningSystem.Shared.class)
@org.junit.jupiter.api.Order(1)
class FrontDeskSystemTest {

    static final ZoneId DENVER = ZoneId.of("America/Denver");
    static final String PHONE = "+13035550188";
    static final LocatorAssertions.ContainsTextOptions EVENTUALLY =
            new LocatorAssertions.ContainsTextOptions().setTimeout(60_000);

    static RunningSystem system;
    static final Browser browser = SystemChromium.browser();

    @BeforeAll
    static void start() {
        system = RunningSystem.get();
    }

    static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    @Test
    void theFrontDeskRunsASeriesFromRegistrationToACompletedSession() {
        // Tuesdays and Thursdays at 14:00 from a fortnight on, so the test never ages; the third session's slot is full
        LocalDate first = LocalDate.now(DENVER).plusWeeks(2).with(TemporalAdjusters.next(DayOfWeek.TUESDAY));
        LocalDate full = first.plusWeeks(1);
        fillEveryChair(full + "T14:00");

        try (var context = browser.newContext(
                new Browser.NewContextOptions().setViewportSize(1180, 820).setBaseURL(system.url("scheduling")))) {
            Page page = context.newPage();

            // sign in
            page.navigate("/today");
            SystemChromium.screenshot(page, "system-1-sign-in");
            page.getByLabel("Username").fill("frontdesk");
            page.getByLabel("Password").fill("frontdesk");
            page.getByRole(AriaRole.BUTTON, named("Sign in")).click();
            assertThat(page.getByRole(AriaRole.HEADING).first()).containsText("Today");

            // register a patient, who agrees to texts
            page.getByRole(AriaRole.LINK, named("Patients")).click();
            page.getByRole(AriaRole.LINK, named("Register a patient")).click();
            page.getByLabel("First name").fill("Maya");
            page.getByLabel("Last name").fill("Lopez");
            page.getByLabel("Mobile phone").fill("(303) 555-0188");
            page.getByLabel("Yes, the patient agrees to texts").check();
            SystemChromium.screenshot(page, "system-2-register");
            page.getByRole(AriaRole.BUTTON, named("Register")).click();
            assertThat(page.getByRole(AriaRole.HEADING, named("Maya Lopez"))).isVisible();
            String patientPage = page.url();

            // book six sessions; one meets a full slot and takes the suggested time
            page.locator("main")
                    .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Book a series"))
                    .click();
            page.getByLabel("First date").fill(first.toString());
            page.getByLabel("Number of sessions").fill("6");
            page.getByLabel("Time", new Page.GetByLabelOptions().setExact(true)).fill("14:00");
            page.locator("#weekdays input:checked").all().forEach(Locator::uncheck);
            page.getByLabel("Tuesday").check();
            page.getByLabel("Thursday").check();
            Locator preview = page.locator("#preview");
            assertThat(preview).containsText("1 of 6 sessions cannot be booked", EVENTUALLY);
            assertThat(preview.locator("li.conflict")).containsText("all 4 chairs are taken");
            SystemChromium.screenshot(page, "system-3-book-with-a-conflict");
            preview.locator("li.conflict").getByRole(AriaRole.BUTTON).click();
            assertThat(preview).containsText("All 6 sessions can be booked.");
            page.getByRole(AriaRole.BUTTON, named("Book")).click();
            assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("Booked 6 sessions");
            assertThat(page.locator(".session-list li")).hasCount(6);

            // on the day view
            page.navigate("/today?date=" + first);
            Locator row = page.locator("tr", new Page.LocatorOptions().setHasText("Maya Lopez"));
            assertThat(row).containsText("2:00 PM");
            assertThat(row).containsText("Session 1 of 6");
            SystemChromium.screenshot(page, "system-4-day-view");

            // the texts planned for the series reach the patient's page, which refreshes by itself
            page.navigate(patientPage);
            assertThat(page.locator("tr[data-kind^=prep_tips]"))
                    .hasCount(6, new LocatorAssertions.HasCountOptions().setTimeout(60_000));
            SystemChromium.screenshot(page, "system-5-patient-texts-planned");

            // the patient texts STOP: consent is withdrawn and what was still to go out is cancelled, with why
            assertThat(system.patientTexts(PHONE, "STOP")).isEqualTo(200);
            assertThat(page.locator("#consent")).containsText("consent withdrawn", EVENTUALLY);
            assertThat(page.locator("tr[data-kind^=prep_tips][data-status=cancelled]"))
                    .hasCount(6, new LocatorAssertions.HasCountOptions().setTimeout(60_000));
            Locator latestConsent = page.locator("#consent tbody tr").first();
            assertThat(latestConsent).containsText("Withdrawn");
            assertThat(latestConsent).containsText("Replied by text");
            assertThat(page.locator("tr[data-kind^=prep_tips]").first()).containsText("the patient replied STOP");
            SystemChromium.screenshot(page, "system-6-patient-after-stop");

            // the patient texts words of crisis: urgent, on top of the inbox
            assertThat(system.patientTexts(PHONE, "I want to end my life")).isEqualTo(200);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Inbox"))
                    .click();
            Locator top = page.locator("#items li.item").first();
            assertThat(top).containsText("I want to end my life", EVENTUALLY);
            assertThat(top).containsText("Urgent");
            assertThat(top).containsText("Maya Lopez");
            assertThat(top).hasClass(Pattern.compile(".*\\burgent\\b.*"));
            SystemChromium.screenshot(page, "system-7-inbox");
            top.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Mark as handled"))
                    .click();
            assertThat(page.locator("#items li.item")
                            .filter(new Locator.FilterOptions().setHasText("I want to end my life")))
                    .containsText("Handled by frontdesk");

            // check in and complete the first session
            page.navigate("/today?date=" + first);
            row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Check in"))
                    .click();
            assertThat(row).containsText("Checked in");
            row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Complete"))
                    .click();
            assertThat(row).containsText("Completed");
            SystemChromium.screenshot(page, "system-8-completed");
        }
    }

    /** Four other patients in the clinic's four chairs at that local time. */
    private static void fillEveryChair(String localStart) {
        var api = system.api("scheduling");
        for (int chair = 1; chair <= 4; chair++) {
            var patient = api.post("/api/patients", """
                    {"firstName":"Chair","lastName":"Holder%d","mobilePhone":"+1303555019%d","preferredLanguage":"en",
                     "smsConsent":{"granted":true,"source":"front-desk"}}""".formatted(chair, chair));
            assertThat(patient.status()).as(patient.body()).isEqualTo(201);
            var series = api.post(
                    "/api/series", """
                    {"patientId":"%s","sessions":[{"start":"%s"}]}""".formatted(patient.json().path("id").asString(), localStart));
            assertThat(series.status()).as(series.body()).isEqualTo(201);
        }
    }
}
