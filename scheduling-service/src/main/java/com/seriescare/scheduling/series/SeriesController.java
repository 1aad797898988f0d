package com.seriescare.scheduling.series;

import com.seriescare.scheduling.idempotency.IdempotentRequests;
import com.seriescare.scheduling.shared.InvalidInput;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/series")
class SeriesController {

    private final SeriesCatalog catalog;
    private final IdempotentRequests idempotent;

    SeriesController(SeriesCatalog catalog, IdempotentRequests idempotent) {
        this.catalog = catalog;
        this.idempotent = idempotent;
    }

    /**
     * Books a series from explicit local start times or a weekly pattern. With {@code dryRun=true} nothing is
     * booked: the answer is the preview, with every conflict and its suggested start.
     */
    @PostMapping
    ResponseEntity<?> book(
            @Valid @RequestBody BookSeriesRequest request,
            @RequestParam(defaultValue = "false") boolean dryRun,
            @RequestHeader(value = IdempotentRequests.HEADER, required = false) String idempotencyKey) {
        var booking = new SeriesCatalog.Request(request.patientId(), request.treatmentPlan(), request.localStarts());
        if (dryRun) {
            return ResponseEntity.ok(PreviewResponse.of(catalog.preview(booking)));
        }
        // a repeat with the same key answers as the first and books nothing twice
        return idempotent.once(idempotencyKey, "POST /api/series", request, () -> {
            Series series = catalog.book(booking);
            return ResponseEntity.created(URI.create("/api/series/" + series.id()))
                    .body(SeriesResponse.of(series));
        });
    }

    @GetMapping("/{id}")
    SeriesResponse get(@PathVariable String id) {
        return SeriesResponse.of(catalog.get(id));
    }

    @PostMapping("/{id}/sessions/{sessionId}/reschedule")
    SeriesResponse reschedule(
            @PathVariable String id, @PathVariable String sessionId, @Valid @RequestBody RescheduleRequest request) {
        return SeriesResponse.of(catalog.reschedule(id, sessionId, request.start()));
    }

    @PostMapping("/{id}/sessions/{sessionId}/cancel")
    SeriesResponse cancel(
            @PathVariable String id, @PathVariable String sessionId, @Valid @RequestBody CancelRequest request) {
        return SeriesResponse.of(catalog.cancel(id, sessionId, request.reason()));
    }

    /** Cancels every session of the series that is still booked. */
    @PostMapping("/{id}/cancel")
    SeriesResponse cancelRemaining(@PathVariable String id, @Valid @RequestBody CancelRequest request) {
        return SeriesResponse.of(catalog.cancelRemaining(id, request.reason()));
    }

    @PostMapping("/{id}/sessions/{sessionId}/check-in")
    SeriesResponse checkIn(@PathVariable String id, @PathVariable String sessionId) {
        return SeriesResponse.of(catalog.checkIn(id, sessionId));
    }

    /** Completes a checked-in session; {@code endedAt} is its actual end (now when left out). */
    @PostMapping("/{id}/sessions/{sessionId}/complete")
    SeriesResponse complete(
            @PathVariable String id,
            @PathVariable String sessionId,
            @Valid @RequestBody(required = false) CompleteRequest request) {
        return SeriesResponse.of(catalog.complete(id, sessionId, request == null ? null : request.endedAt()));
    }

    @PostMapping("/{id}/sessions/{sessionId}/no-show")
    SeriesResponse noShow(@PathVariable String id, @PathVariable String sessionId) {
        return SeriesResponse.of(catalog.markMissed(id, sessionId));
    }

    /** Records that the patient confirmed they will come (told the front desk). */
    @PostMapping("/{id}/sessions/{sessionId}/confirm")
    SeriesResponse confirm(@PathVariable String id, @PathVariable String sessionId) {
        return SeriesResponse.of(catalog.confirm(id, sessionId, "front-desk"));
    }

    /**
     * Either {@code sessions} (local start times in the clinic's zone, e.g. {@code 2026-12-01T09:00}) or a
     * {@code pattern}; {@code treatmentPlan} defaults to the clinic's default plan.
     */
    record BookSeriesRequest(
            @NotBlank @Size(max = 64) String patientId,
            @Size(max = 64) String treatmentPlan,
            @Size(min = 1, max = 52) List<@NotNull @Valid RequestedSession> sessions,
            @Valid PatternRequest pattern) {

        List<LocalDateTime> localStarts() {
            if ((sessions == null) == (pattern == null)) {
                throw new InvalidInput("sessions", "give either sessions or a pattern (exactly one of them)");
            }
            return sessions != null
                    ? sessions.stream().map(RequestedSession::start).toList()
                    : new SeriesPattern(pattern.firstDate(), pattern.count(), pattern.weekdays(), pattern.time())
                            .starts();
        }
    }

    record RequestedSession(@NotNull LocalDateTime start) {}

    record PatternRequest(
            @NotNull LocalDate firstDate,
            @Min(1) @Max(52) int count,
            @NotEmpty Set<@NotNull DayOfWeek> weekdays,
            @NotNull LocalTime time) {}

    record RescheduleRequest(@NotNull LocalDateTime start) {}

    record CancelRequest(@NotBlank @Size(max = 500) String reason) {}

    record CompleteRequest(Instant endedAt) {}

    record SeriesResponse(
            String id,
            String patientId,
            String clinicId,
            String treatmentPlan,
            Instant bookedAt,
            List<SessionResponse> sessions) {
        static SeriesResponse of(Series series) {
            return new SeriesResponse(
                    series.id(),
                    series.patientId(),
                    series.clinicId(),
                    series.treatmentPlan(),
                    series.bookedAt(),
                    series.sessions().stream().map(SessionResponse::of).toList());
        }
    }

    record SessionResponse(
            String id,
            int sequence,
            Instant start,
            LocalDateTime localStart,
            Instant end,
            String timeZone,
            int durationMinutes,
            int revision,
            String status,
            Instant confirmedAt,
            Instant checkedInAt,
            Instant completedAt,
            String cancelReason) {
        static SessionResponse of(Session s) {
            return new SessionResponse(
                    s.id(),
                    s.sequence(),
                    s.start(),
                    s.localStart(),
                    s.end(),
                    s.timeZone(),
                    s.durationMinutes(),
                    s.revision(),
                    s.status().name(),
                    s.confirmedAt(),
                    s.checkedInAt(),
                    s.completedAt(),
                    s.cancelReason());
        }
    }

    record PreviewResponse(boolean bookable, List<ProposedSession> sessions, List<BookingConflict> conflicts) {
        static PreviewResponse of(SeriesBooking.Preview preview) {
            return new PreviewResponse(
                    preview.bookable(),
                    preview.sessions().stream()
                            .map(p -> new ProposedSession(p.sequence(), p.localStart(), p.start(), p.end()))
                            .toList(),
                    preview.conflicts());
        }
    }

    record ProposedSession(int sequence, LocalDateTime localStart, Instant start, Instant end) {}
}
