package com.seriescare.scheduling;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.seriescare.testsupport.SystemChromium;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The clinic admin's text editor in real Chromium: the preview follows the words as they are typed, a refusal shows
 * beside the field before anything is saved, a saved text is in force with its version, and the default is one click
 * away. The front desk cannot open it.
 */
@SchedulingServiceTest
class TextEditorBrowserTest {

    static final Browser browser = SystemChromium.browser();
    static final LocatorAssertions.ContainsTextOptions SOON =
            new LocatorAssertions.ContainsTextOptions().setTimeout(10_000);

    @LocalServerPort
    int port;

    @Test
    void thePreviewFollowsTheTypingARefusalShowsBesideTheFieldAndASavedTextIsInForce() {
        try (BrowserContext admin = context()) {
            Page page = admin.newPage();
            FrontDeskBrowserTest.signIn(page, "admin", "admin");
            assertThat(page).hasURL("http://localhost:" + port + "/settings/texts");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                    .hasText("Texts");
            // an admin sees texts, not patients
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Today")))
                    .hasCount(0);

            page.locator("#text-post_session-en a").click();
            assertThat(page.locator("#preview-text")).containsText("Thank you for coming today, Jordan.");
            assertThat(page.locator("#preview-measure")).containsText("GSM-7");

            var words = page.getByLabel("Words");
            words.fill("Thank you, {firstName}. Rest today and do not drive. If you feel unsafe, call or text 988.");
            assertThat(page.locator("#preview-text"))
                    .hasText(
                            "Thank you, Jordan. Rest today and do not drive. If you feel unsafe, call or text 988.",
                            new LocatorAssertions.HasTextOptions().setTimeout(10_000));
            assertThat(page.locator("#preview-measure")).containsText("85 characters · GSM-7 · 1 segment of 2");
            assertThat(page.locator("#template-error li")).hasCount(0);
            SystemChromium.screenshot(page, "text-editor-preview");

            // a word from the discretion list: refused beside the field as it is typed, before any save
            words.fill("Thank you, {firstName}. Rest after your infusion and do not drive. Unsafe? Call or text 988.");
            assertThat(page.locator("#template-error"))
                    .containsText("\"infusion\" is on this clinic's discretion list", SOON);
            assertThat(words).hasAttribute("aria-invalid", "true");
            SystemChromium.screenshot(page, "text-editor-refused");

            // an emoji makes it UCS-2: the count says so as one types
            words.fill("Thank you, {firstName} 🌿 Rest today and do not drive. If you feel unsafe, call or text 988.");
            assertThat(page.locator("#preview-measure")).containsText("UCS-2", SOON);
            assertThat(page.locator("#template-error li")).hasCount(0);

            // saved as it stands when refused: the field keeps the words and says why
            words.fill("Thank you, {firstName}. Your ketamine dose is done. Call or text 988 if unsafe.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save"))
                    .click();
            assertThat(page.locator("#template-error")).containsText("\"ketamine\"");
            assertThat(words)
                    .hasValue("Thank you, {firstName}. Your ketamine dose is done. Call or text 988 if unsafe.");
            assertThat(page.locator("#in-force")).containsText("the default words");

            words.fill("Thank you, {firstName}. Rest today and do not drive. If you feel unsafe, call or text 988.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save"))
                    .click();
            assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("texts sent from now on use these words");
            assertThat(page.locator("#in-force")).containsText("the clinic's words, version");
            assertThat(page.locator("#in-force")).containsText("by admin");
            assertThat(page.locator("table.history")).containsText("Rest today and do not drive");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Go back to the default words"))
                    .click();
            assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("Back to the default words");
            assertThat(page.locator("#in-force")).hasText("In force: the default words");
            assertThat(page.getByLabel("Words"))
                    .hasValue(
                            "Thank you for coming today, {firstName}. Rest, keep the day calm, journal what came up, and do not"
                                    + " drive today. If you feel unsafe, call or text 988.");
        }
    }

    @Test
    void theTimingIsEditedTheSameWayARefusedFieldSaysWhyBesideIt() {
        try (BrowserContext admin = context()) {
            Page page = admin.newPage();
            FrontDeskBrowserTest.signIn(page, "admin", "admin");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Timing"))
                    .click();
            assertThat(page.locator("#in-force")).hasText("In force: the default timing");
            assertThat(page.getByLabel("Preparation tips, the evening before, at"))
                    .hasValue("18:00");

            page.getByLabel("Preparation tips, the evening before, at").fill("21:30");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save"))
                    .click();
            assertThat(page.locator("#prepTipsAt-error")).containsText("would fall in the quiet hours");
            assertThat(page.getByLabel("Preparation tips, the evening before, at"))
                    .hasValue("21:30");

            page.getByLabel("Preparation tips, the evening before, at").fill("17:30");
            page.getByLabel("Day-of reminder, minutes before the session").fill("120");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save"))
                    .click();
            assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("texts planned from now on follow it");
            assertThat(page.locator("#in-force")).containsText("the clinic's timing, version");
            assertThat(page.getByLabel("Day-of reminder, minutes before the session"))
                    .hasValue("120");
            SystemChromium.screenshot(page, "timing-saved");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Go back to the default timing"))
                    .click();
            assertThat(page.locator("#in-force")).hasText("In force: the default timing");
            assertThat(page.getByLabel("Preparation tips, the evening before, at"))
                    .hasValue("18:00");
        }
    }

    @Test
    void theFrontDeskCannotOpenTheTexts() {
        try (BrowserContext desk = context()) {
            Page page = desk.newPage();
            FrontDeskBrowserTest.signIn(page, "frontdesk", "frontdesk");
            page.navigate("/settings/texts");
            assertThat(page.getByRole(AriaRole.HEADING)).containsText("not open to you", SOON);
        }
    }

    private BrowserContext context() {
        return browser.newContext(
                new Browser.NewContextOptions().setViewportSize(1180, 820).setBaseURL("http://localhost:" + port));
    }
}
