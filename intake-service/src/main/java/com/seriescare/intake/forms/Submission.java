package com.seriescare.intake.forms;

import java.util.Map;

/**
 * What a patient sent: the answers when they are complete and valid, else the problems per field (as message codes,
 * worded in the patient's language by the page). The values sent are kept by the page so nothing is lost.
 */
public record Submission<T>(T answers, Map<String, String> errors) {

    public Submission {
        errors = Map.copyOf(errors);
    }

    public boolean isValid() {
        return errors.isEmpty();
    }
}
