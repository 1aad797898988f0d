package com.seriescare.scheduling.frontdesk;

import com.seriescare.scheduling.texts.ClinicTexts;
import com.seriescare.scheduling.texts.TemplateRefused;
import com.seriescare.servicesupport.security.CurrentUser;
import com.seriescare.texts.TemplateReview;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The clinic admin's texts: every kind in English and Spanish with the words in force, and an editor per text with
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
