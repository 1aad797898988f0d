package com.seriescare.intake;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static com.seriescare.intake.Fixture.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.seriescare.testsupport.JsonHttp;
import com.seriescare.testsupport.SystemChromium;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A Spanish-speaking patient fills in the pre-visit checklist on a phone, in real headless Chromium. */
@IntakeServiceTest
class ChecklistOnAPhoneBrowserTest {

    static final Browser browser = SystemChromium.browser();

    @LocalServerPort
    int port;

    static BrowserContext phone() {
        return browser.newContext(new Browser.NewContextOptions()
                .setViewportSize(390, 844)
                .setDeviceScaleFactor(2)
                .setIsMobile(true)
                .setHasTouch(true)
                .setLocale("en-US")); // the phone is set up in English; the form follows the patient
    }

    @Test
    void aPatientFillsInTheChecklistInSpanishOnTheirPhone() {
        var booked = Fixture.book("es", "2026-12-01T16:00:00Z");
        String link = "http://localhost:" + port + Fixture.checklistPath(booked, 1);
        try (BrowserContext context = phone()) {
            Page page = context.newPage();
            page.navigate(link);
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Antes de su cita")))
                    .isVisible();
            SystemChromium.screenshot(page, "intake-checklist-es-phone");

            page.getByLabel("Alguien me llevará a casa").check();
            page.getByLabel("Nombre de quien maneja").fill("Luis Reyes");
            page.locator("#lightMeal").getByLabel("Sí").check();
            page.locator("#hydrate").getByLabel("Sí").check();
            page.locator("#medicationChanged").getByLabel("No").check();
            page.locator("#interest").getByLabel("Varios días").check();
            page.locator("#mood").getByLabel("Nunca").check();
            page.locator("#safety").getByLabel("Nunca").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enviar mis respuestas"))
                    .click();

            // the driver's phone was left out: the page says so beside the field and keeps every answer
            assertThat(page.locator("#driverPhone-error")).hasText("Escriba el teléfono de quien le llevará.");
            assertThat(page.getByLabel("Nombre de quien maneja")).hasValue("Luis Reyes");
            assertThat(page.locator("#interest").getByLabel("Varios días")).isChecked();
            SystemChromium.screenshot(page, "intake-checklist-es-phone-error");

            page.getByLabel("Teléfono de quien maneja").fill("303 555 0177");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enviar mis respuestas"))
                    .click();

            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("¡Gracias!")))
                    .isVisible();
            SystemChromium.screenshot(page, "intake-checklist-es-phone-sent");
        }

        var api = JsonHttp.at("http://localhost:" + port).as("frontdesk", "frontdesk");
        var checklist = await().atMost(PATIENCE)
                .until(
                        () -> api.get("/api/sessions/" + booked.sessionId(1) + "/checklist"),
                        r -> r.json().path("status").asString().equals("completed"));
        assertThat(checklist.json().path("rideHomeConfirmed").asBoolean()).isTrue();
        assertThat(checklist.json().path("checklistAnswers").path("driverPhone").asString())
                .isEqualTo("+13035550177");
        assertThat(checklist.json().path("completedBy").asString()).isEqualTo("patient");
    }

    @Test
    void theFormIsUsableWithTheKeyboardAlone() {
        var booked = Fixture.book("en", "2026-12-01T16:00:00Z");
        try (BrowserContext context = phone()) {
            Page page = context.newPage();
            page.navigate("http://localhost:" + port + Fixture.checklistPath(booked, 1));

            page.keyboard().press("Tab"); // the language link
            page.keyboard().press("Tab"); // the first answer
            page.keyboard().press("Space");

            assertThat(page.getByLabel("Someone will drive me home")).isChecked();
            // every touch target is at least 44 px high
            for (var choice : page.locator("label.choice").all()) {
                assertThat(choice.boundingBox().height).isGreaterThanOrEqualTo(44);
            }
        }
    }
}
