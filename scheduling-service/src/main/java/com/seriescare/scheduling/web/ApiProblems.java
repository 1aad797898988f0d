package com.seriescare.scheduling.web;

import com.seriescare.scheduling.idempotency.IdempotentRequests;
import com.seriescare.scheduling.series.BookingRefused;
import com.seriescare.scheduling.series.IllegalTransition;
import com.seriescare.scheduling.shared.ConcurrentChange;
import com.seriescare.scheduling.shared.InvalidInput;
import com.seriescare.scheduling.shared.NotFound;
import com.seriescare.scheduling.shared.StaleRevision;
import com.seriescare.scheduling.texts.OtherClinic;
import com.seriescare.scheduling.texts.TemplateRefused;
import com.seriescare.scheduling.texts.TimingRefused;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error of the API as an RFC 9457 problem detail that says what is wrong, field by field where it can;
 * never a stack trace. Field errors are listed under {@code errors} as {@code {field, message}}.
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);
    private static final String TYPES = "https://seriescare.example/problems/";

    record FieldProblem(String field, String message) {}

    @ExceptionHandler(InvalidInput.class)
    ProblemDetail invalidInput(InvalidInput e) {
        return problem(
                HttpStatus.BAD_REQUEST,
                "invalid-request",
                "Invalid request",
                e.getMessage(),
                Map.of(
                        "errors",
                        e.errors().stream()
                                .map(f -> new FieldProblem(f.field(), f.message()))
                                .toList()));
    }

    @ExceptionHandler(NotFound.class)
    ProblemDetail notFound(NotFound e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage(), Map.of());
    }

    @ExceptionHandler(BookingRefused.class)
    ProblemDetail bookingRefused(BookingRefused e) {
        return problem(
                HttpStatus.CONFLICT,
                "booking-conflict",
                "Sessions cannot be booked as asked",
                e.getMessage() + "; nothing was booked. Each conflict names the nearest free start.",
                Map.of("conflicts", e.conflicts()));
    }

    @ExceptionHandler(IllegalTransition.class)
    ProblemDetail illegalTransition(IllegalTransition e) {
        return problem(
                HttpStatus.CONFLICT,
                "illegal-transition",
                "Not possible in the session's state",
                e.getMessage(),
                Map.of());
    }

    @ExceptionHandler(ConcurrentChange.class)
    ProblemDetail concurrentChange(ConcurrentChange e) {
        return problem(HttpStatus.CONFLICT, "concurrent-change", "Changed meanwhile", e.getMessage(), Map.of());
    }

    @ExceptionHandler(IdempotentRequests.KeyReused.class)
    ProblemDetail idempotencyKeyReused(IdempotentRequests.KeyReused e) {
        return problem(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "idempotency-key-reused",
                "Key already used",
                e.getMessage(),
                Map.of());
    }

    @ExceptionHandler(IdempotentRequests.KeyInProgress.class)
    ProblemDetail idempotencyKeyInProgress(IdempotentRequests.KeyInProgress e) {
        return problem(HttpStatus.CONFLICT, "idempotency-key-in-progress", "Still working", e.getMessage(), Map.of());
    }

    @ExceptionHandler(StaleRevision.class)
    ProblemDetail staleRevision(StaleRevision e) {
        return problem(
                HttpStatus.PRECONDITION_FAILED,
                "stale-revision",
                "Changed since you read it",
                e.getMessage(),
                Map.of());
    }

    @ExceptionHandler(TemplateRefused.class)
    ProblemDetail templateRefused(TemplateRefused e) {
        var review = e.review();
        return problem(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "template-refused",
                "The text cannot be used as written",
                e.getMessage(),
                Map.of(
                        "refusals", review.refusals(),
                        "preview", review.preview(),
                        "encoding", review.measure().encoding().name().replace('_', '-'),
                        "segments", review.measure().segments()));
    }

    @ExceptionHandler(TimingRefused.class)
    ProblemDetail timingRefused(TimingRefused e) {
        return problem(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "timing-refused",
                "The timing cannot be used",
                e.getMessage(),
                Map.of(
                        "errors",
                        e.problems().stream()
                                .map(p -> new FieldProblem(p.field(), p.message()))
                                .toList()));
    }

    @ExceptionHandler(OtherClinic.class)
    ProblemDetail otherClinic(OtherClinic e) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", e.getMessage(), Map.of());
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected error", e);
        return problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal",
                "Internal error",
                "Something went wrong on our side.",
                Map.of());
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldProblem(f.getField(), f.getDefaultMessage()))
                .toList();
        String detail = errors.stream()
                .map(f -> f.field() + " " + f.message())
                .reduce((a, b) -> a + "; " + b)
                .orElse("Invalid request");
        return ResponseEntity.badRequest()
                .body(problem(
                        HttpStatus.BAD_REQUEST,
                        "invalid-request",
                        "Invalid request",
                        detail,
                        Map.of("errors", errors)));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail;
        List<FieldProblem> errors = List.of();
        DatabindException cause = databindCause(e);
        if (cause instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            detail = "Unknown field '" + field + "'";
            errors = List.of(new FieldProblem(field, "is not a known field"));
        } else if (cause instanceof DatabindException mapping
                && !mapping.getPath().isEmpty()) {
            String field = path(mapping);
            detail = "Field '" + field + "' has a value of the wrong type or format";
            errors = List.of(new FieldProblem(field, "has a value of the wrong type or format"));
        } else if (e.getMessage() != null && e.getMessage().startsWith("Required request body is missing")) {
            detail = "The request has no body; send JSON";
        } else {
            detail = "The body is not well-formed JSON";
        }
        return ResponseEntity.badRequest()
                .body(problem(
                        HttpStatus.BAD_REQUEST,
                        "malformed-request",
                        "Malformed request",
                        detail,
                        Map.of("errors", errors)));
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(
            @Nullable Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem && problem.getType().equals(URI.create("about:blank"))) {
            problem.setType(URI.create(TYPES + "http-" + statusCode.value()));
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    private static @Nullable DatabindException databindCause(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof DatabindException databind) {
                return databind;
            }
        }
        return null;
    }

    private static String path(DatabindException e) {
        StringBuilder path = new StringBuilder();
        for (var reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static ProblemDetail problem(
            HttpStatus status, String type, String title, String detail, Map<String, Object> properties) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPES + type));
        problem.setTitle(title);
        properties.forEach(problem::setProperty);
        return problem;
    }
}
