package com.seriescare.intake.forms;

import java.util.List;

/**
 * The answers of a series' intake questionnaire: the medical and psychological assessment before the first session.
 *
 * @param medications those ticked on the list of medicines that matter for the treatment ({@link #MEDICATION_LIST})
 * @param otherMedications any other current medicines, in the patient's words
 * @param alcohol how often: never, monthly, weekly, daily
 * @param safety PHQ-9 item 9, 0 (not at all) to 3 (nearly every day)
 */
public record IntakeAnswers(
        String mentalHealthHistory,
        List<String> medications,
        String otherMedications,
        String alcohol,
        String otherSubstances,
        boolean highBloodPressure,
        boolean heartCondition,
        boolean pregnancy,
        boolean psychosisHistory,
        String allergies,
        String emergencyContactName,
        String emergencyContactPhone,
        String goals,
        int safety) {

    /** Medicines a clinician checks before the first session (they interact with the treatment or its dose). */
    public static final List<String> MEDICATION_LIST =
            List.of("benzodiazepines", "lamotrigine", "opioids", "maoi", "stimulants", "antidepressants");

    public static final List<String> ALCOHOL_FREQUENCIES = List.of("never", "monthly", "weekly", "daily");

    public IntakeAnswers {
        medications = medications == null ? List.of() : List.copyOf(medications);
    }
}
