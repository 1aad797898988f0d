package com.seriescare.scheduling.series;

import java.time.Instant;

/** A chair taken by a booked or running session, from {@code start} until {@code end}. */
record Occupied(String patientId, String sessionId, Instant start, Instant end) {

    boolean overlaps(Instant otherStart, Instant otherEnd) {
        return start.isBefore(otherEnd) && otherStart.isBefore(end);
    }
}
