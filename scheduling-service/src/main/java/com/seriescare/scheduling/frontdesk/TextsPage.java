package com.seriescare.scheduling.frontdesk;

import com.seriescare.scheduling.texts.ClinicTexts;
import com.seriescare.scheduling.texts.TemplateRefused;
import com.seriescare.scheduling.texts.TimingRefused;
import com.seriescare.servicesupport.security.CurrentUser;
import com.seriescare.texts.TemplateReview;
import com.seriescare.texts.TextTiming;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The clinic admin's texts and their timing: every kind in English and Spanish with the words in force, and an editor per text with
 * its variables, a live preview on a sample patient (characters, encoding, segments against the clinic's budget), the
 * reasons a template is refused beside the field, its versions, and the way back to the default. The page previews as
 * one types (see {@code /ui/frontdesk.js}) and works without script: "Preview" and "Save" are plain form posts.
 */
@Controller
class TextsPage {

    private final ClinicTexts texts;
    private final CurrentUser user;

    TextsPage(ClinicTexts texts, CurrentUser user) {
        this.texts = texts;
        this.user = user;
    }

    @GetMapping({"/settings", "/settings/texts"})
    String all(Model model) {
        model.addAttribute("texts", texts.all(user.clinicId()));
        return "frontdesk/texts";
    }

    @GetMapping("/settings/texts/{kind}/{language}")
    String editor(@PathVariable String kind, @PathVariable String language, Model model) {
        var text = texts.one(user.clinicId(), kind, language);
        return editor(text, text.template(), text.review(), model);
    }

    /** The editor with the preview of what is being typed; nothing is saved. */
    @PostMapping("/settings/texts/{kind}/{language}/preview")
    String preview(
            @PathVariable String kind,
            @PathVariable String language,
            @RequestParam(defaultValue = "") String template,
            Model model) {
        var text = texts.one(user.clinicId(), kind, language);
        return editor(text, template, texts.review(user.clinicId(), kind, language, template), model);
    }

    @PostMapping("/settings/texts/{kind}/{language}")
    String save(
            @PathVariable String kind,
            @PathVariable String language,
            @RequestParam(defaultValue = "") String template,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            var saved = texts.save(user.clinicId(), kind, language, template);
            redirect.addFlashAttribute(
                    "notice",
                    "Saved as version " + saved.version().version() + ": texts sent from now on use these words.");
            return "redirect:/settings/texts/" + kind + "/" + language;
        } catch (TemplateRefused refused) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return editor(texts.one(user.clinicId(), kind, language), template, refused.review(), model);
        }
    }

    @PostMapping("/settings/texts/{kind}/{language}/revert")
    String revert(@PathVariable String kind, @PathVariable String language, RedirectAttributes redirect) {
        var reverted = texts.revert(user.clinicId(), kind, language);
        redirect.addFlashAttribute(
                "notice",
                "Back to the default words (version " + reverted.version().version() + ").");
        return "redirect:/settings/texts/" + kind + "/" + language;
    }

    /** The form's fields: times as typed ({@code HH:mm}), offsets in minutes. */
    record TimingForm(
            String prepTipsAt,
            String dayOfReminderMinutes,
            String postSessionMinutes,
            String checkInAt,
            String midSeriesNoteAt,
            String endOfSeriesAt,
            String quietHoursStart,
            String quietHoursEnd) {

        static TimingForm of(TextTiming t) {
            return new TimingForm(
                    t.prepTipsAt().toString(),
                    String.valueOf(t.dayOfReminderBefore().toMinutes()),
                    String.valueOf(t.postSessionAfter().toMinutes()),
                    t.checkInAt().toString(),
                    t.midSeriesNoteAt().toString(),
                    t.endOfSeriesAt().toString(),
                    t.quietHoursStart().toString(),
                    t.quietHoursEnd().toString());
        }

        /** The timing typed, with a message per field that could not be read. */
        TextTiming read(Map<String, String> errors) {
            return new TextTiming(
                    time("prepTipsAt", prepTipsAt, errors),
                    minutes("dayOfReminderBefore", dayOfReminderMinutes, errors),
                    minutes("postSessionAfter", postSessionMinutes, errors),
                    time("checkInAt", checkInAt, errors),
                    time("midSeriesNoteAt", midSeriesNoteAt, errors),
                    time("endOfSeriesAt", endOfSeriesAt, errors),
                    time("quietHoursStart", quietHoursStart, errors),
                    time("quietHoursEnd", quietHoursEnd, errors));
        }

        private static LocalTime time(String field, String value, Map<String, String> errors) {
            try {
                return LocalTime.parse(value == null ? "" : value.strip());
            } catch (DateTimeParseException e) {
                errors.put(field, "Enter a time like 18:00.");
                return null;
            }
        }

        private static Duration minutes(String field, String value, Map<String, String> errors) {
            try {
                return Duration.ofMinutes(Long.parseLong(value == null ? "" : value.strip()));
            } catch (NumberFormatException e) {
                errors.put(field, "Enter a number of minutes.");
                return null;
            }
        }
    }

    @GetMapping("/settings/timing")
    String timing(Model model) {
        var timing = texts.timing(user.clinicId());
        return timingPage(timing, TimingForm.of(timing.timing()), Map.of(), model);
    }

    @PostMapping("/settings/timing")
    String saveTiming(
            @ModelAttribute TimingForm form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        TextTiming typed = form.read(errors);
        if (errors.isEmpty()) {
            try {
                var saved = texts.saveTiming(user.clinicId(), typed);
                redirect.addFlashAttribute(
                        "notice",
                        "Saved as version " + saved.version().version() + ": texts planned from now on follow it.");
                return "redirect:/settings/timing";
            } catch (TimingRefused refused) {
                refused.problems().forEach(p -> errors.putIfAbsent(p.field(), capitalized(p.message())));
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return timingPage(texts.timing(user.clinicId()), form, errors, model);
    }

    @PostMapping("/settings/timing/revert")
    String revertTiming(RedirectAttributes redirect) {
        var reverted = texts.revertTiming(user.clinicId());
        redirect.addFlashAttribute(
                "notice",
                "Back to the default timing (version " + reverted.version().version() + ").");
        return "redirect:/settings/timing";
    }

    private String timingPage(
            ClinicTexts.TimingInForce timing, TimingForm form, Map<String, String> errors, Model model) {
        model.addAttribute("timing", timing);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("history", texts.timingHistory(user.clinicId()));
        return "frontdesk/timing";
    }

    private static String capitalized(String message) {
        return message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1) + ".";
    }

    private String editor(ClinicTexts.TextInForce text, String template, TemplateReview review, Model model) {
        model.addAttribute("text", text);
        model.addAttribute("template", template);
        model.addAttribute("review", review);
        model.addAttribute("budget", texts.segmentBudget(user.clinicId()));
        model.addAttribute(
                "history", texts.history(user.clinicId(), text.definition().kind(), text.language()));
        return "frontdesk/text";
    }
}
