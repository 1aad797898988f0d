package com.seriescare.contracts.scheduling;

import java.time.Instant;
import java.time.LocalDateTime;

/**
 * One session of a booked series.
 *
 * @param sequence position in the series, 1-based
 * @param start the instant the session starts
 * @param localStart the same start, in the clinic's zone, as the front desk booked it
 * @param timeZone IANA zone of the clinic where the session takes place
 */
public record BookedSession(
        String sessionId,
        int sequence,
        Instant start,
        LocalDateTime localStart,
        String timeZone,
        int durationMinutes) {}
