package com.seriescare.scheduling.texts;

import com.seriescare.texts.TemplateReview;

/** A template a clinic may not use, and why; nothing was saved. Answered with 422 and the review. */
public class TemplateRefused extends RuntimeException {

    private final TemplateReview review;

    TemplateRefused(String kind, String language, TemplateReview review) {
        super("The " + kind + " text (" + language + ") was not saved: " + String.join(" ", review.refusals()));
        this.review = review;
    }

    public TemplateReview review() {
        return review;
    }
}
