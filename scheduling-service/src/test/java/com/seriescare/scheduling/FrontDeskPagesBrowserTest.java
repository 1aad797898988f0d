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
import com.seriescare.contracts.care.CareAlertRaised;
import com.seriescare.contracts.care.PatientWordsRecorded;
import com.seriescare.contracts.notification.InboundMessageReceived;
import com.seriescare.contracts.notification.MessageStatusChanged;
import com.seriescare.testsupport.EventPublisherForTests;
import com.seriescare.testsupport.SystemChromium;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Patients, booking and the inbox in real headless Chromium, on a tablet-sized screen. */
@SchedulingServiceTest
class FrontDeskPagesBrowserTest {

    static final Browser browser = SystemChromium.browser();
    static final EventPublisherForTests events = new EventPublisherForTests();
    static final LocatorAssertions.ContainsTextOptions EVENTUALLY =
            new LocatorAssertions.ContainsTextOptions().setTimeout(20_000);

    @LocalServerPort
    int port;

    @AfterAll
    static void stop() {
        events.close();
    }

    Page signedIn(BrowserContext context) {
        Page page = context.newPage();
        FrontDeskBrowserTest.signIn(page, "frontdesk", "frontdesk");
        assertThat(page).hasURL("http://localhost:" + port + "/today");
        return page;
    }

    BrowserContext tablet() {
        return browser.newContext(
                new Browser.NewContextOptions().setViewportSize(1180, 820).setBaseURL("http://localhost:" + port));
    }

    static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name);
    }

    @Test
    void registeringShowsEachFieldErrorKeepsWhatWasTypedAndRecordsConsent() {
        String last = "Quill" + UUID.randomUUID().toString().substring(0, 6);
        try (var context = tablet()) {
            Page page = signedIn(context);
            page.getByRole(AriaRole.LINK, named("Patients")).click();
            page.getByRole(AriaRole.LINK, named("Register a patient")).click();

            page.getByLabel("First name").fill("Rosa");
            page.getByLabel("Mobile phone").fill("12");
            page.getByRole(AriaRole.BUTTON, named("Register")).click();

            assertThat(page.getByRole(AriaRole.ALERT)).containsText("Please check what is marked below");
            assertThat(page.locator("#lastName-error")).hasText("Enter the patient's last name.");
            assertThat(page.locator("#consent-error")).containsText("Ask the patient whether we may text them");
            assertThat(page.getByLabel("First name")).hasValue("Rosa");
            assertThat(page.getByLabel("Mobile phone")).hasValue("12");
            assertThat(page.getByLabel("Last name")).hasAttribute("aria-invalid", "true");
            SystemChromium.screenshot(page, "frontdesk-register-errors");

            // the phone number is checked by the domain once the form is complete
            page.getByLabel("Last name").fill(last);
            page.getByLabel("Yes, the patient agrees to texts").check();
            page.getByRole(AriaRole.BUTTON, named("Register")).click();
            assertThat(page.locator("#mobilePhone-error")).containsText("'12'");
            assertThat(page.getByLabel("Last name")).hasValue(last);
            assertThat(page.getByLabel("Yes, the patient agrees to texts")).isChecked();

            page.getByLabel("Mobile phone").fill("(303) 555-0177");
            page.getByLabel("How the patient answered").selectOption("paper-form");
            page.getByRole(AriaRole.BUTTON, named("Register")).click();

            assertThat(page.getByRole(AriaRole.HEADING, named("Rosa " + last))).isVisible();
            assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("is registered");
            assertThat(page.locator("#consent")).containsText("Agreed to texts");
            assertThat(page.locator("#consent tbody tr")).hasCount(1);
            assertThat(page.locator("#consent tbody tr")).containsText("Signed the paper form");
            assertThat(page.locator("#consent tbody tr")).containsText("frontdesk");
            assertThat(page.getByText("+13035550177")).isVisible();

            // found by name and by the phone typed another way
            page.getByRole(AriaRole.LINK, named("Patients")).click();
            page.getByLabel("Name or mobile phone").fill(last.toLowerCase());
            page.getByRole(AriaRole.BUTTON, named("Search")).click();
            assertThat(page.getByRole(AriaRole.LINK, named(last + ", Rosa"))).isVisible();
            page.getByLabel("Name or mobile phone").fill("303.555.0177");
            page.getByRole(AriaRole.BUTTON, named("Search")).click();
            assertThat(page.getByRole(AriaRole.LINK, named(last + ", Rosa"))).isVisible();
            SystemChromium.screenshot(page, "frontdesk-patients");

            assertThat(page.navigate("/patients/no-such-patient").status()).isEqualTo(404);
            assertThat(page.getByRole(AriaRole.HEADING)).hasText("We could not do that");
            assertThat(page.navigate("/today?date=not-a-date").status()).isEqualTo(400);
            assertThat(page.locator("main")).containsText("'not-a-date' is not a valid date.");

            // a holiday of the clinic's says so on the day, where the desk would book or move sessions
            page.navigate("/today?date=2027-01-18");
            assertThat(page.locator("#day .closed"))
                    .hasText("The clinic is closed on this day: Martin Luther King Jr. Day.");
            page.navigate("/today?date=2027-01-19");
            assertThat(page.locator("#day .closed")).hasCount(0);
        }
    }

    @Test
    void aSharedPhoneIsPointedOutAndConsentWithdrawnAtTheDeskIsRecorded() {
        String first = "Ana"; // Api.ANA's phone is +13035550142; this patient shares it
        String last = "Share" + UUID.randomUUID().toString().substring(0, 6);
        Api.registerPatient(Api.frontDesk(port));
        try (var context = tablet()) {
            Page page = signedIn(context);
            page.navigate("/patients/new");
            page.getByLabel("First name").fill(first);
            page.getByLabel("Last name").fill(last);
            page.getByLabel("Mobile phone").fill("303 555 0142");
            page.getByLabel("Yes, the patient agrees to texts").check();
            page.getByRole(AriaRole.BUTTON, named("Register")).click();
            assertThat(page.locator(".warning"))
                    .containsText("has the same mobile phone: texts to both go to one phone");

            // a form that arrives without its answer is refused with a page, and changes nothing
            page.getByText("Record that the patient withdrew consent").click();
            page.evaluate("document.querySelector('input[name=granted]').remove()");
            page.getByRole(AriaRole.BUTTON, named("Record")).click();
            assertThat(page.locator("main")).containsText("The form was sent without its granted.");
            page.goBack();
            page.reload();
            assertThat(page.locator("#consent tbody tr")).hasCount(1);

            page.getByText("Record that the patient withdrew consent").click();
            page.getByLabel("How the patient said so").selectOption("phone-call");
            page.getByRole(AriaRole.BUTTON, named("Record")).click();
            assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("Consent withdrawn");
            Locator latest = page.locator("#consent tbody tr").first();
            assertThat(latest).containsText("Withdrawn");
            assertThat(latest).containsText("Said so on the phone");
            assertThat(latest).containsText("frontdesk");
            assertThat(page.locator("#consent")).containsText("No texts");
        }
    }

    @Test
    void aPatientIsFoundAndOpenedWithTheKeyboardAlone() {
        String last = "Keys" + UUID.randomUUID().toString().substring(0, 6);
        Api.frontDesk(port).post("/api/patients", Api.ANA.replace("\"Diaz\"", "\"" + last + "\""));
        try (var context = tablet()) {
            Page page = signedIn(context);
            page.navigate("/patients");
            // the search field has the focus; type, Enter, then Tab past the Search button to the first patient
            Locator search = page.getByLabel("Name or mobile phone");
            assertThat(search).isFocused();
            page.keyboard().type(last);
            page.keyboard().press("Enter");
            assertThat(page.getByRole(AriaRole.LINK, named(last + ", Ana"))).isVisible();
            assertThat(search).isFocused(); // the browser focuses it once the new page has settled
            page.keyboard().press("Tab");
            page.keyboard().press("Tab");
            assertThat(page.locator(":focus")).hasText(last + ", Ana");
            page.keyboard().press("Enter");
            assertThat(page.getByRole(AriaRole.HEADING, named("Ana " + last))).isVisible();
        }
    }

    @Test
    void bookingPreviewsAsItChangesAndTakesTheSuggestionForTheOneConflict() {
        var api = Api.frontDesk(port);
        // both chairs are taken on Monday 8 February 2027 at 09:00
        for (int i = 0; i < 2; i++) {
            String other = Api.registerPatient(api);
            assertThat(api.post("/api/series", """
                            {"patientId":"%s","sessions":[{"start":"2027-02-08T09:00"}]}""".formatted(other)).status()).isEqualTo(201);
        }
        String last = "Booker" + UUID.randomUUID().toString().substring(0, 6);
        String patientId = api.post("/api/patients", Api.ANA.replace("\"Diaz\"", "\"" + last + "\""))
                .json()
                .path("id")
                .asString();
        try (var context = tablet()) {
            Page page = signedIn(context);
            page.navigate("/patients/" + patientId);
            page.getByRole(AriaRole.LINK, named("Book a series").setExact(true))
                    .last()
                    .click();
            assertThat(page.locator("#patientId")).containsText("Ana " + last);

            // a mistake is shown beside its field and nothing typed is lost
            page.getByLabel("First date").fill("2027-02-01");
            page.getByLabel("Number of sessions").fill("60");
            page.getByRole(AriaRole.BUTTON, named("Preview").setExact(true)).click();
            assertThat(page.locator("#count-error")).hasText("Enter how many sessions (1 to 52).");
            assertThat(page.getByLabel("Number of sessions")).hasValue("60");
            assertThat(page.getByLabel("Number of sessions")).hasAttribute("aria-invalid", "true");
            assertThat(page.getByLabel("First date")).hasValue("2027-02-01");
            assertThat(page.locator("#patientId")).containsText("Ana " + last);

            page.getByLabel("Treatment").selectOption("iv-infusion");
            page.getByLabel("First date").fill("2027-02-01");
            page.getByLabel("Number of sessions").fill("6");
            page.getByLabel("Time", new Page.GetByLabelOptions().setExact(true)).fill("09:00");
            page.locator("#weekdays input:checked").all().forEach(Locator::uncheck);
            page.getByLabel("Monday").check();

            Locator preview = page.locator("#preview");
            assertThat(preview).containsText("1 of 6 sessions cannot be booked", EVENTUALLY);
            Locator conflict = preview.locator("li.conflict");
            assertThat(conflict).hasCount(1);
            assertThat(conflict).containsText("Mon Feb 8, 2027");
            SystemChromium.screenshot(page, "frontdesk-book-conflict");

            conflict.getByRole(AriaRole.BUTTON).click();
            assertThat(preview).containsText("All 6 sessions can be booked.");
            assertThat(page.getByLabel("Pick dates")).isChecked();
            assertThat(page.getByLabel("Dates and times, one per line"))
                    .hasValue(java.util.regex.Pattern.compile(
                            "2027-02-01 09:00\\n2027-02-08 (?!09:00)\\d\\d:\\d\\d\\n2027-02-15 09:00[\\s\\S]*"));

            page.getByRole(AriaRole.BUTTON, named("Book").setExact(true)).click();
            assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("Booked 6 sessions");
            assertThat(page.locator(".session-list li")).hasCount(6);
            SystemChromium.screenshot(page, "frontdesk-patient-booked");
        }
        var series = api.get("/api/patients/" + patientId).json();
        assertThat(series.path("id").asString()).isEqualTo(patientId);
    }

    @Test
    void aPatientsTextsConsentAndRepliesArriveAsEvents() {
        String patientId = Api.registerPatient(Api.frontDesk(port));
        Instant at = SchedulingServiceTest.NOW;
        Instant due = Instant.parse("2026-11-30T01:00:00Z");
        events.publish(new MessageStatusChanged(
                patientId, "text-" + patientId, "prep_tips", "series-1", "session-1", "planned", at, due, null));
        events.publish(new MessageStatusChanged(
                patientId, "conf-" + patientId, "booking_confirmation", "series-1", null, "sent", at, at, null));
        events.publish(new MessageStatusChanged(
                patientId, "conf-" + patientId, "booking_confirmation", "series-1", null, "delivered", at, at, null));
        try (var context = tablet()) {
            Page page = signedIn(context);
            Locator items = page.locator("#items li.item");

            // a reply for a person, then a crisis: the crisis goes on top, however new the other is
            Instant crisisAt = at.plusSeconds(60);
            // the words travel apart (care.patient-words, read by this service alone), before or after their item
            events.publish(new PatientWordsRecorded(patientId, "alert-" + patientId, "I want to end it", crisisAt));
            var alert = new CareAlertRaised(patientId, "alert-" + patientId, "crisis_language", "urgent", crisisAt);
            events.publish(alert);
            events.publish(alert); // told twice, shown once
            events.publish(new InboundMessageReceived(
                    patientId, "in-" + patientId, "reschedule", true, "0142", crisisAt.plusSeconds(60)));
            events.publish(new PatientWordsRecorded(
                    patientId, "in-" + patientId, "can we move friday", crisisAt.plusSeconds(60)));
            events.publish(new InboundMessageReceived(
                    patientId, "stop-" + patientId, "stop", false, "0142", crisisAt.plusSeconds(120)));
            events.publish(new MessageStatusChanged(
                    patientId,
                    "text-" + patientId,
                    "prep_tips",
                    "series-1",
                    "session-1",
                    "cancelled",
                    crisisAt.plusSeconds(121),
                    due,
                    "the patient replied STOP"));

            // whatever page the front desk is on, the navigation turns red without a reload
            assertThat(page.locator("#inbox-count .count.urgent")).containsText("urgent", EVENTUALLY);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Inbox"))
                    .click();
            Locator crisis = items.filter(new Locator.FilterOptions().setHasText("I want to end it"));
            assertThat(crisis).containsText("Urgent", EVENTUALLY);
            assertThat(items.filter(new Locator.FilterOptions().setHasText("can we move friday")))
                    .containsText("Wants to reschedule", EVENTUALLY);
            assertThat(items.first()).hasClass(java.util.regex.Pattern.compile(".*\\burgent\\b.*"));
            assertThat(items.first()).containsText("I want to end it");
            assertThat(crisis).hasCount(1);
            SystemChromium.screenshot(page, "frontdesk-inbox");

            crisis.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Mark as handled"))
                    .click();
            assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("Marked as handled.");
            Locator handled = items.filter(new Locator.FilterOptions().setHasText("I want to end it"));
            assertThat(handled).containsText("Handled by frontdesk");
            assertThat(handled.getByRole(AriaRole.BUTTON)).hasCount(0);

            page.navigate("/patients/" + patientId);
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                page.reload();
                return page.locator("tr[data-status=cancelled]").count() == 1
                        && page.locator("#consent").textContent().contains("consent withdrawn");
            });
            Locator cancelled = page.locator("tr[data-status=cancelled]");
            assertThat(cancelled).containsText("Preparation tips");
            assertThat(cancelled).containsText("the patient replied STOP");
            assertThat(cancelled).containsText("Nov 29, 6:00 PM"); // due in the patient's Denver evening
            assertThat(page.locator("tr[data-status=delivered]")).containsText("Booking confirmation");
            Locator latestConsent = page.locator("#consent tbody tr").first();
            assertThat(latestConsent).containsText("Withdrawn");
            assertThat(latestConsent).containsText("Replied by text");
            assertThat(latestConsent).containsText("patient");
            assertThat(latestConsent).containsText("Oct 20, 2026 10:03 AM"); // the clinic's time, not the server's
            SystemChromium.screenshot(page, "frontdesk-patient-timeline");
        }
    }
}
