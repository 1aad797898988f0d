package com.seriescare.servicesupport.time;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/dev/clock}: reads and moves the service's clock forward (a moment already passed changes nothing). Exists only with
 * {@code seriescare.dev.clock-control=true} (system tests, or trying a whole series on {@code ./run-local}).
 */
@RestController
@RequestMapping("/api/dev/clock")
public class ClockControl {

    record ClockState(Instant now) {}

    record Travel(@NotNull Instant now) {}

    private final TravellingClock clock;

    public ClockControl(TravellingClock clock) {
        this.clock = clock;
    }

    @GetMapping
    ClockState now() {
        return new ClockState(clock.instant());
    }

    @PutMapping
    ClockState travel(@RequestBody @jakarta.validation.Valid Travel travel) {
        return new ClockState(clock.travelTo(travel.now()));
    }
}
