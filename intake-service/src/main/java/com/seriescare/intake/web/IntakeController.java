package com.seriescare.intake.web;

import com.seriescare.intake.intake.IntakeRequest;
import com.seriescare.intake.intake.IntakeRequests;
import java.net.URI;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The front desk's view of a series' intake. */
@RestController
class IntakeController {

    private final IntakeRequests requests;

    IntakeController(IntakeRequests requests) {
        this.requests = requests;
    }

    @GetMapping("/api/series/{seriesId}/intake")
    ResponseEntity<?> intake(@PathVariable String seriesId) {
        return requests.forSeries(seriesId)
                .<ResponseEntity<?>>map(request -> ResponseEntity.ok(IntakeResponse.of(request)))
                .orElseGet(() -> {
                    ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                            HttpStatus.NOT_FOUND, "No intake for series '" + seriesId + "'");
                    problem.setType(URI.create("https://seriescare.example/problems/not-found"));
                    problem.setTitle("Not found");
                    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
                });
    }

    record IntakeResponse(String seriesId, String patientId, String status, Instant dueAt, Instant requestedAt) {
        static IntakeResponse of(IntakeRequest request) {
            return new IntakeResponse(
                    request.seriesId(),
                    request.patientId(),
                    request.status().name().toLowerCase(java.util.Locale.ROOT),
                    request.dueAt(),
                    request.requestedAt());
        }
    }
}
