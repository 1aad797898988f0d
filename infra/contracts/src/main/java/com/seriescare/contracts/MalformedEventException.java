package com.seriescare.contracts;

import java.util.List;

/**
 * An event that cannot be understood: unknown type, not JSON, or not valid against its schema. Consumers let
 * it go to the dead-letter topic and move on; retrying will not make it valid.
 */
public class MalformedEventException extends RuntimeException {

    private final List<String> violations;

    public MalformedEventException(String message, List<String> violations) {
        super(violations.isEmpty() ? message : message + ": " + String.join("; ", violations));
        this.violations = List.copyOf(violations);
    }

    public List<String> violations() {
        return violations;
    }
}
