package com.seriescare.scheduling.series;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/series")
class SeriesController {

    private final SeriesCatalog catalog;

    SeriesController(SeriesCatalog catalog) {
        this.catalog = catalog;
    }

    @PostMapping
    ResponseEntity<SeriesResponse> book(@Valid @RequestBody BookSeriesRequest request) {
        var starts = request.sessions().stream().map(RequestedSession::start).toList();
        Series series = catalog.book(request.patientId(), starts);
        return ResponseEntity.created(URI.create("/api/series/" + series.id())).body(SeriesResponse.of(series));
    }

    @GetMapping("/{id}")
    SeriesResponse get(@PathVariable String id) {
        return SeriesResponse.of(catalog.get(id));
    }

    /** Local start times, read in the clinic's time zone, e.g. {@code 2026-12-01T09:00}. */
    record BookSeriesRequest(
            @NotBlank @Size(max = 64) String patientId,
            @NotEmpty @Size(max = 52) List<@NotNull @Valid RequestedSession> sessions) {}

    record RequestedSession(@NotNull LocalDateTime start) {}

    record SeriesResponse(
            String id, String patientId, String clinicId, Instant bookedAt, List<SessionResponse> sessions) {
        static SeriesResponse of(Series series) {
            return new SeriesResponse(
                    series.id(),
                    series.patientId(),
                    series.clinicId(),
                    series.bookedAt(),
                    series.sessions().stream().map(SessionResponse::of).toList());
        }
    }

    record SessionResponse(
            String id,
            int sequence,
            Instant start,
            LocalDateTime localStart,
            String timeZone,
            int durationMinutes,
            int revision,
            String status) {
        static SessionResponse of(Session s) {
            return new SessionResponse(
                    s.id(),
                    s.sequence(),
                    s.start(),
                    s.localStart(),
                    s.timeZone(),
                    s.durationMinutes(),
                    s.revision(),
                    s.status().name());
        }
    }
}
