package com.seriescare.servicesupport.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The wall clock, moved forward by an offset that only grows: what the packaged services run on when a system
 * test (or a developer trying a series on {@code ./run-local}) must live through the days of a series in minutes.
 * Only switched on by {@code seriescare.dev.clock-control=true}; production runs on the plain wall clock.
 */
public final class TravellingClock extends Clock {

    private final Clock wall;
    private volatile Duration offset = Duration.ZERO;

    public TravellingClock(Clock wall) {
        this.wall = wall;
    }

    /**
     * Moves forward to {@code now}; a moment already passed leaves the clock as it is (time never runs backwards for
     * leases and logs, and services moved one after the other are a few milliseconds apart).
     */
    public synchronized Instant travelTo(Instant now) {
        Instant current = instant();
        if (now.isAfter(current)) {
            offset = offset.plus(Duration.between(current, now));
        }
        return instant();
    }

    @Override
    public Instant instant() {
        return wall.instant().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }
}
