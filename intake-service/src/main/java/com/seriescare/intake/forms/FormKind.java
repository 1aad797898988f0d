package com.seriescare.intake.forms;

import java.util.Locale;

/** The two forms a patient fills in: the series' intake questionnaire, and each session's pre-visit checklist. */
public enum FormKind {
    INTAKE,
    CHECKLIST;

    /** As it appears in events and in the API. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
