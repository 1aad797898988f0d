package com.seriescare.scheduling.texts;

import com.seriescare.servicesupport.security.CurrentUser;
import com.seriescare.texts.TemplateReview;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A clinic admin's texts ({@code CLINIC_ADMIN} of the clinic): each kind and language with the template in force, its
 * variables and a preview on a sample patient; saving a template (refused with 422 and the reasons when it may not be
 * used), previewing one without saving, the history of versions, and going back to the default.
 */
@RestController
@RequestMapping("/api/clinics/{clinicId}/texts")
class ClinicTextsController {

    record Variable(String name, String meaning) {}

    record Preview(
            String text, String encoding, int characters, int segments, int segmentBudget, List<String> refusals) {

        static Preview of(TemplateReview review, int budget) {
            return new Preview(
                    review.preview(),
                    review.measure().encoding().name().replace('_', '-'),
                    review.measure().units(),
                    review.measure().segments(),
                    budget,
                    review.refusals());
        }
    }

    record Text(
            String kind,
            String label,
            String language,
            String template,
            boolean custom,
            long version,
            String changedBy,
            Instant changedAt,
            List<Variable> variables,
            Preview preview) {

        static Text of(ClinicTexts.TextInForce text, int budget) {
            var version = text.version();
            return new Text(
                    text.definition().kind(),
                    text.definition().label(),
                    text.language(),
                    text.template(),
                    text.custom(),
                    version == null ? 0 : version.version(),
                    version == null ? null : version.changedBy(),
                    version == null ? null : version.changedAt(),
                    text.definition().variables().stream()
                            .map(v -> new Variable(v.name(), v.meaning()))
                            .toList(),
                    Preview.of(text.review(), budget));
        }
    }

    record Version(long version, String template, boolean isDefault, String changedBy, Instant changedAt) {}

    record TemplateRequest(
            @NotNull(message = "must name the template's words") @Size(max = 1600)
            String template) {}

    private final ClinicTexts texts;
    private final CurrentUser user;

    ClinicTextsController(ClinicTexts texts, CurrentUser user) {
        this.texts = texts;
        this.user = user;
    }

    @GetMapping
    List<Text> all(@PathVariable String clinicId) {
        ownClinic(clinicId);
        int budget = texts.segmentBudget(clinicId);
        return texts.all(clinicId).stream().map(t -> Text.of(t, budget)).toList();
    }

    @GetMapping("/{kind}/{language}")
    Text one(@PathVariable String clinicId, @PathVariable String kind, @PathVariable String language) {
        ownClinic(clinicId);
        var text = texts.one(clinicId, kind, language);
        return Text.of(text, texts.segmentBudget(clinicId));
    }

    /** The template in force from now on; 422 with every reason when it may not be used. */
    @PutMapping("/{kind}/{language}")
    Text save(
            @PathVariable String clinicId,
            @PathVariable String kind,
            @PathVariable String language,
            @Valid @RequestBody TemplateRequest request) {
        ownClinic(clinicId);
        var text = texts.save(clinicId, kind, language, request.template());
        return Text.of(text, texts.segmentBudget(clinicId));
    }

    /** What the template would send and whether it could be saved; nothing is saved. */
    @PostMapping("/{kind}/{language}/preview")
    Preview preview(
            @PathVariable String clinicId,
            @PathVariable String kind,
            @PathVariable String language,
            @Valid @RequestBody TemplateRequest request) {
        ownClinic(clinicId);
        return Preview.of(texts.review(clinicId, kind, language, request.template()), texts.segmentBudget(clinicId));
    }

    /** Back to the default wording (a new version: the history keeps the clinic's words). */
    @DeleteMapping("/{kind}/{language}")
    Text revert(@PathVariable String clinicId, @PathVariable String kind, @PathVariable String language) {
        ownClinic(clinicId);
        var text = texts.revert(clinicId, kind, language);
        return Text.of(text, texts.segmentBudget(clinicId));
    }

    @GetMapping("/{kind}/{language}/versions")
    List<Version> versions(@PathVariable String clinicId, @PathVariable String kind, @PathVariable String language) {
        ownClinic(clinicId);
        return texts.history(clinicId, kind, language).stream()
                .map(v -> new Version(v.version(), v.template(), v.isDefault(), v.changedBy(), v.changedAt()))
                .toList();
    }

    private void ownClinic(String clinicId) {
        OtherClinic.refuseUnless(user, clinicId);
    }
}
