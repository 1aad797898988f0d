package com.seriescare.intake.forms;

import java.util.ArrayList;
import java.util.List;

/** The answers a clinician must see before the session. Each rule yields a reason code, as published. */
public final class Flags {

    public static final String MEDICATION_CHANGE = "medication_change";
    public static final String HIGH_BLOOD_PRESSURE = "high_blood_pressure";
    public static final String HEART_CONDITION = "heart_condition";
    public static final String PREGNANCY = "pregnancy";
    public static final String PSYCHOSIS_HISTORY = "psychosis_history";
    public static final String SAFETY_ANSWER = "safety_answer";

    private Flags() {}

    public static List<String> of(IntakeAnswers answers) {
        List<String> flags = new ArrayList<>();
        if (answers.highBloodPressure()) {
            flags.add(HIGH_BLOOD_PRESSURE);
        }
        if (answers.heartCondition()) {
            flags.add(HEART_CONDITION);
        }
        if (answers.pregnancy()) {
            flags.add(PREGNANCY);
        }
        if (answers.psychosisHistory()) {
            flags.add(PSYCHOSIS_HISTORY);
        }
        if (isPositiveSafetyAnswer(answers.safety())) {
            flags.add(SAFETY_ANSWER);
        }
        return List.copyOf(flags);
    }

    public static List<String> of(ChecklistAnswers answers) {
        List<String> flags = new ArrayList<>();
        if (answers.medicationChanged()) {
            flags.add(MEDICATION_CHANGE);
        }
        if (isPositiveSafetyAnswer(answers.safety())) {
            flags.add(SAFETY_ANSWER);
        }
        return List.copyOf(flags);
    }

    /**
     * PHQ-9 item 9 is positive at any answer above "not at all": screening guidance treats even "several days" as a
     * reason for a clinician to ask the patient about their safety the same day.
     */
    public static boolean isPositiveSafetyAnswer(int safety) {
        return safety > 0;
    }

    /** What the clinician reads in the care alert for a positive safety answer. */
    public static String safetyExcerpt(int safety) {
        String frequency = switch (safety) {
            case 1 -> "several days";
            case 2 -> "more than half the days";
            default -> "nearly every day";
        };
        return "Answered \"" + frequency + "\" to thoughts of being better off dead or of self-harm (PHQ-9 item 9)";
    }

    /** The id of the care alert that asks a clinician to review a form's flagged answers: one per form. */
    public static String reviewAlertId(String formId) {
        return com.seriescare.contracts.intake.IntakeReviewed.reviewAlertIdOf(formId);
    }

    /** The form whose review an alert asked for, if it is such an alert. */
    public static java.util.Optional<String> formOfReviewAlert(String alertId) {
        return alertId != null && alertId.startsWith(REVIEW_ALERT)
                ? java.util.Optional.of(alertId.substring(REVIEW_ALERT.length()))
                : java.util.Optional.empty();
    }

    private static final String REVIEW_ALERT = reviewAlertId("");

    /**
     * What a clinician reads in the alert asking for a review: each flagged answer in words, with what the patient
     * wrote about a medication change. For the clinic's inbox alone (care.patient-words).
     */
    public static String reviewSummary(PatientForm form, List<String> flags) {
        List<String> lines = new ArrayList<>();
        for (String flag : flags) {
            lines.add(
                    switch (flag) {
                        case HIGH_BLOOD_PRESSURE -> "high blood pressure: yes";
                        case HEART_CONDITION -> "heart condition: yes";
                        case PREGNANCY -> "pregnant or may be: yes";
                        case PSYCHOSIS_HISTORY -> "history of psychosis: yes";
                        case MEDICATION_CHANGE ->
                            "medication changed: "
                                    + (form.checklistAnswers() == null
                                                    || form.checklistAnswers().medicationChanges() == null
                                            ? "yes"
                                            : form.checklistAnswers().medicationChanges());
                        case SAFETY_ANSWER -> safetyExcerpt(safetyAnswer(form));
                        default -> flag;
                    });
        }
        return (form.kind() == FormKind.INTAKE ? "Intake" : "Pre-visit checklist") + " answers to review before the"
                + " session: " + String.join("; ", lines) + ".";
    }

    /** The form's answer to PHQ-9 item 9 (0 when it has none). */
    static int safetyAnswer(PatientForm form) {
        if (form.intakeAnswers() != null) {
            return form.intakeAnswers().safety();
        }
        return form.checklistAnswers() == null ? 0 : form.checklistAnswers().safety();
    }
}
