package com.seriescare.intake.patientform;

import com.seriescare.intake.answering.FormAnswering;
import com.seriescare.intake.answering.FormAnswering.Opened;
import com.seriescare.intake.answering.FormAnswering.Sent;
import com.seriescare.intake.answering.FormAnswering.State;
import com.seriescare.intake.clinics.Clinics;
import com.seriescare.intake.forms.FormKind;
import com.seriescare.intake.forms.IntakeAnswers;
import com.seriescare.intake.forms.PatientForm;
import com.seriescare.intake.patients.PatientLanguages;
import com.seriescare.servicesupport.audit.Actors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The forms patients open from the link in a text: {@code /f/<form id>/<token>}. The link is the only credential, so
 * these pages are public; they say nothing about a form to anyone without its token, never name the treatment, and
 * a GET changes nothing (link-preview bots fetch links before the patient does).
 */
@Controller
class PatientFormPages {

    private final FormAnswering answering;
    private final Clinics clinics;
    private final PatientLanguages languages;
    private final FormThrottles throttles;

    PatientFormPages(FormAnswering answering, Clinics clinics, PatientLanguages languages, FormThrottles throttles) {
        this.answering = answering;
        this.clinics = clinics;
        this.languages = languages;
        this.throttles = throttles;
    }

    @GetMapping("/f/{formId}/{token}")
    String open(
            @PathVariable String formId,
            @PathVariable String token,
            @RequestParam(required = false) String lang,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        privateHeaders(response);
        if (throttles.guessing(request.getRemoteAddr())) {
            return busy(formId, lang, request, response, model);
        }
        Opened opened = answering.open(formId, token);
        if (!(opened instanceof Opened.Found found)) {
            throttles.guessedWrong(request.getRemoteAddr());
            return notValid(lang, request, response, model);
        }
        if (found.state() != State.OPEN) {
            return notOpen(found, lang, request, response, model, HttpStatus.OK);
        }
        setUp(found.form(), lang, formId, token, request, model);
        model.addAttribute("v", Map.of());
        model.addAttribute("checked", List.of());
        model.addAttribute("errors", Map.of());
        return page(found.form());
    }

    @PostMapping(path = "/f/{formId}/{token}", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    String send(
            @PathVariable String formId,
            @PathVariable String token,
            @RequestParam MultiValueMap<String, String> fields,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        privateHeaders(response);
        String lang = fields.getFirst("lang");
        if (throttles.guessing(request.getRemoteAddr()) || !throttles.maySend(formId, request.getRemoteAddr())) {
            return busy(formId, lang, request, response, model);
        }
        // answers sent from the link are the patient's doing in the audit trail
        return switch (Actors.as(Actors.PATIENT, () -> answering.send(formId, token, fields))) {
            case Sent.Refused(Opened.NotValid ignored) -> {
                throttles.guessedWrong(request.getRemoteAddr());
                yield notValid(lang, request, response, model);
            }
            case Sent.Refused(Opened.Found found) ->
                notOpen(found, lang, request, response, model, HttpStatus.CONFLICT);
            case Sent.Rejected rejected -> {
                // nothing is lost: the page comes back with every answer as sent, and what to fix beside each
                setUp(rejected.form(), lang, formId, token, request, model);
                Map<String, String> values = new LinkedHashMap<>();
                fields.forEach((name, sent) -> values.put(name, sent.isEmpty() ? "" : sent.getFirst()));
                model.addAttribute("v", values);
                model.addAttribute("checked", fields.getOrDefault("medications", List.of()));
                model.addAttribute("errors", rejected.errors());
                response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
                yield page(rejected.form());
            }
            case Sent.Accepted accepted -> {
                setUp(accepted.form(), lang, formId, token, request, model);
                model.addAttribute("notice", "thanks");
                model.addAttribute("crisis", accepted.showCrisisResources());
                yield "form/notice";
            }
        };
    }

    private static String page(PatientForm form) {
        return form.kind() == FormKind.INTAKE ? "form/intake" : "form/checklist";
    }

    private void setUp(
            PatientForm form, String lang, String formId, String token, HttpServletRequest request, Model model) {
        String language = language(lang, form.patientId());
        PatientLocale.use(request, language);
        String action = "/f/" + formId + "/" + token;
        model.addAttribute("lang", language);
        model.addAttribute("action", action);
        model.addAttribute("switchLanguage", action + "?lang=" + (language.equals("es") ? "en" : "es"));
        model.addAttribute("clinic", ClinicView.of(clinics.byId(form.clinicId())));
        model.addAttribute("medicationList", IntakeAnswers.MEDICATION_LIST);
        model.addAttribute("alcoholFrequencies", IntakeAnswers.ALCOHOL_FREQUENCIES);
        model.addAttribute("crisis", false);
    }

    private String notOpen(
            Opened.Found found,
            String lang,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            HttpStatus alreadySentStatus) {
        setUp(found.form(), lang, found.form().id(), "", request, model);
        model.addAttribute("switchLanguage", null);
        switch (found.state()) {
            case ALREADY_SENT -> {
                model.addAttribute("notice", "sent");
                response.setStatus(alreadySentStatus.value());
            }
            case EXPIRED -> {
                model.addAttribute("notice", "expired");
                response.setStatus(HttpStatus.GONE.value());
            }
            default -> {
                model.addAttribute("notice", "closed");
                response.setStatus(HttpStatus.GONE.value());
            }
        }
        return "form/notice";
    }

    /** Too many tries from here or for this form: wait, or call the clinic. Says nothing about the form either. */
    private String busy(
            String formId, String lang, HttpServletRequest request, HttpServletResponse response, Model model) {
        notValid(lang, request, response, model);
        model.addAttribute("notice", "busy");
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader("Retry-After", String.valueOf(throttles.retryAfterSeconds(formId, request.getRemoteAddr())));
        return "form/notice";
    }

    /** The same page for an unknown form and for a token of another form: a guess learns nothing. */
    private String notValid(String lang, HttpServletRequest request, HttpServletResponse response, Model model) {
        String language = "es".equals(lang) ? "es" : "en";
        PatientLocale.use(request, language);
        model.addAttribute("lang", language);
        model.addAttribute("notice", "invalid");
        model.addAttribute("crisis", false);
        model.addAttribute("switchLanguage", null);
        model.addAttribute("clinic", ClinicView.unknown());
        response.setStatus(HttpStatus.NOT_FOUND.value());
        return "form/notice";
    }

    private String language(String requested, String patientId) {
        if ("es".equals(requested) || "en".equals(requested)) {
            return requested;
        }
        return "es".equals(languages.of(patientId).toLowerCase(Locale.ROOT)) ? "es" : "en";
    }

    /** The token is in the address: keep it out of caches, search engines and Referer headers. */
    private static void privateHeaders(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Robots-Tag", "noindex, nofollow");
    }
}
