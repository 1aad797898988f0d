package com.seriescare.scheduling.shared;

import java.util.List;

/** Input that the domain refuses, with the field it concerns, e.g. an impossible phone number. Answered with 400. */
public class InvalidInput extends RuntimeException {

    /** One refused field. {@code field} is the JSON path in the request, e.g. {@code sessions[2].start}. */
    public record FieldError(String field, String message) {}

    private final List<FieldError> errors;

    public InvalidInput(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    public InvalidInput(List<FieldError> errors) {
        super(errors.stream()
                .map(e -> e.field() + ": " + e.message())
                .reduce((a, b) -> a + "; " + b)
                .orElse(""));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
