package com.seriescare.scheduling.frontdesk;

import com.seriescare.scheduling.clinic.Clinics;
import com.seriescare.scheduling.patients.Patient;
import com.seriescare.scheduling.patients.PatientRegistration;
import com.seriescare.scheduling.patients.Patients;
import com.seriescare.scheduling.series.SeriesCatalog;
import com.seriescare.scheduling.shared.InvalidInput;
import com.seriescare.scheduling.timeline.MessageTimeline;
import com.seriescare.servicesupport.security.CurrentUser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Find a patient, register one (with their consent to texts), and everything about one patient on one page. */
@Controller
class PatientPages {

    /** How the front desk may have been given consent, as recorded in the consent history. */
    static final Map<String, String> CONSENT_SOURCES = new LinkedHashMap<>();

    static {
        CONSENT_SOURCES.put("front-desk", "Said so at the front desk");
        CONSENT_SOURCES.put("paper-form", "Signed the paper form");
        CONSENT_SOURCES.put("phone-call", "Said so on the phone");
    }

    /** What each kind of text is for, in the front desk's words. */
    static final Map<String, String> TEXT_KINDS = Map.ofEntries(
            Map.entry("booking_confirmation", "Booking confirmation"),
            Map.entry("prep_tips", "Preparation tips (evening before)"),
            Map.entry("prep_tips_and_confirm", "Preparation tips and confirmation (evening before)"),
            Map.entry("day_of_reminder", "Reminder on the day"),
            Map.entry("post_session", "After-session care"),
            Map.entry("next_day_check_in", "Next-day check-in"),
            Map.entry("mid_series_note", "Mid-series note"),
            Map.entry("end_of_series", "End of series"),
            Map.entry("session_moved", "Session moved"),
            Map.entry("session_cancelled", "Session cancelled"),
            Map.entry("intake_link", "Intake form link"),
            Map.entry("intake_overdue", "Intake form overdue"),
            Map.entry("checklist_link", "Checklist link"),
            Map.entry("checklist_overdue", "Checklist overdue"),
            Map.entry("crisis_response", "Crisis line answer"),
            Map.entry("help_response", "Answer to HELP"));

    static final List<String> TIME_ZONES = List.of(
            "America/New_York",
            "America/Chicago",
            "America/Denver",
            "America/Phoenix",
            "America/Los_Angeles",
            "America/Anchorage",
            "Pacific/Honolulu");

    private final Patients patients;
    private final SeriesCatalog catalog;
    private final MessageTimeline timeline;
    private final Clinics clinics;
    private final CurrentUser user;

    private final com.seriescare.scheduling.history.PatientHistory history;

    PatientPages(
            Patients patients,
            SeriesCatalog catalog,
            MessageTimeline timeline,
            Clinics clinics,
            CurrentUser user,
            com.seriescare.scheduling.history.PatientHistory history) {
        this.history = history;
        this.patients = patients;
        this.catalog = catalog;
        this.timeline = timeline;
        this.clinics = clinics;
        this.user = user;
    }

    @GetMapping("/patients")
    String search(@RequestParam(required = false) String q, Model model) {
        String text = q == null ? "" : q.strip();
        model.addAttribute("q", text);
        if (text.length() > 100) {
            model.addAttribute("problem", "Type at most 100 characters.");
        } else if (!text.isEmpty()) {
            model.addAttribute("results", patients.search(text));
        }
        return "frontdesk/patients";
    }

    @GetMapping("/patients/new")
    String registration(Model model) {
        String zone = clinics.get(user.clinicId()).timeZone().getId();
        return registrationPage(new Registration("", "", "", "en", zone, null, "front-desk"), Map.of(), model);
    }

    @PostMapping("/patients")
    String register(@ModelAttribute Registration form, Model model, RedirectAttributes redirect) {
        Map<String, String> errors = form.missing();
        if (!errors.isEmpty()) {
            return registrationPage(form, errors, model);
        }
        try {
            Patient patient = patients.register(form.contact(), form.consent(), form.consentSource());
            redirect.addFlashAttribute("notice", patient.firstName() + " " + patient.lastName() + " is registered.");
            patients.sharingPhoneWith(patient).stream()
                    .findFirst()
                    .ifPresent(other -> redirect.addFlashAttribute(
                            "warning",
                            other.firstName() + " " + other.lastName()
                                    + " has the same mobile phone: texts to both go to one phone."));
            return "redirect:/patients/" + patient.id();
        } catch (InvalidInput refused) {
            Map<String, String> fieldErrors = new LinkedHashMap<>();
            refused.errors().forEach(error -> fieldErrors.put(error.field(), error.message()));
            return registrationPage(form, fieldErrors, model);
        }
    }

    @GetMapping("/patients/{patientId}")
    String patient(@PathVariable String patientId, Model model) {
        Patient patient = patients.get(patientId);
        model.addAttribute("patient", patient);
        model.addAttribute("consentHistory", patient.consentHistory().reversed());
        model.addAttribute("consentSources", CONSENT_SOURCES);
        model.addAttribute("series", catalog.ofPatient(patientId));
        model.addAttribute("texts", timeline.of(patientId));
        model.addAttribute("textKinds", TEXT_KINDS);
        model.addAttribute("patientZone", java.time.ZoneId.of(patient.timeZone()));
        model.addAttribute("history", history.of(patientId));
        return "frontdesk/patient";
    }

    /** Consent given or withdrawn in person or on the phone; a text's STOP/START arrives by itself. */
    @PostMapping("/patients/{patientId}/consent")
    String changeConsent(
            @PathVariable String patientId,
            @RequestParam boolean granted,
            @RequestParam(defaultValue = "front-desk") String source,
            RedirectAttributes redirect) {
        String checkedSource = CONSENT_SOURCES.containsKey(source) ? source : "front-desk";
        patients.changeConsent(patientId, granted, checkedSource);
        redirect.addFlashAttribute(
                "notice",
                granted
                        ? "Consent to texts recorded: reminders will be sent."
                        : "Consent withdrawn: no more texts will be sent.");
        return "redirect:/patients/" + patientId;
    }

    private String registrationPage(Registration form, Map<String, String> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("consentSources", CONSENT_SOURCES);
        model.addAttribute("timeZones", TIME_ZONES);
        return "frontdesk/register";
    }

    /**
     * The registration form as typed; kept whole when something is wrong so nothing has to be typed twice.
     *
     * @param consent yes or no to texts: null until the front desk has asked
     */
    record Registration(
            String firstName,
            String lastName,
            String mobilePhone,
            String preferredLanguage,
            String timeZone,
            Boolean consent,
            String consentSource) {

        Map<String, String> missing() {
            Map<String, String> errors = new LinkedHashMap<>();
            if (blank(firstName)) {
                errors.put("firstName", "Enter the patient's first name.");
            } else if (firstName.length() > 100) {
                errors.put("firstName", "Use at most 100 characters.");
            }
            if (blank(lastName)) {
                errors.put("lastName", "Enter the patient's last name.");
            } else if (lastName.length() > 100) {
                errors.put("lastName", "Use at most 100 characters.");
            }
            if (blank(mobilePhone)) {
                errors.put("mobilePhone", "Enter the patient's mobile phone number.");
            } else if (mobilePhone.length() > 32) {
                errors.put("mobilePhone", "Use at most 32 characters.");
            }
            if (!"en".equals(preferredLanguage) && !"es".equals(preferredLanguage)) {
                errors.put("preferredLanguage", "Choose English or Spanish.");
            }
            if (blank(timeZone)) {
                errors.put("timeZone", "Choose the time zone the patient lives in.");
            }
            if (consent == null) {
                errors.put("consent", "Ask the patient whether we may text them, and record the answer.");
            }
            if (!CONSENT_SOURCES.containsKey(consentSource)) {
                errors.put("consentSource", "Choose how the patient answered.");
            }
            return errors;
        }

        PatientRegistration.Contact contact() {
            return new PatientRegistration.Contact(firstName, lastName, mobilePhone, preferredLanguage, timeZone);
        }

        private static boolean blank(String value) {
            return value == null || value.isBlank();
        }
    }
}
