package com.seriescare.texts;

/** The variables a template may name, each filled in per text. */
public enum TextVariable {
    firstName("the patient's first name"),
    clinic("the clinic's short name"),
    clinicPhone("the clinic's phone"),
    coachPhone("the integration coach's phone"),
    time("the session's time, e.g. 9:00 AM MDT"),
    dateTime("the session's date and time, e.g. Tue Dec 8 9:00 AM MST"),
    sessions("every session's date and time; the count, first and last when they do not all fit"),
    link("the patient's own form link"),
    code("the care alert's short code");

    private final String meaning;

    TextVariable(String meaning) {
        this.meaning = meaning;
    }

    public String meaning() {
        return meaning;
    }

    /** As written in a template: {@code {firstName}}. */
    public String written() {
        return "{" + name() + "}";
    }
}
