package com.seriescare.scheduling.series;

import java.time.LocalDateTime;

/**
 * Why one requested session cannot be booked.
 *
 * @param index position of the session in the request
 * @param requestedStart the local start the front desk asked for
 */
public record BookingConflict(int index, LocalDateTime requestedStart, Kind kind, String reason) {

    public enum Kind {
        IN_THE_PAST,
        NOT_A_LOCAL_TIME,
        OVERLAPS_SAME_PATIENT
    }
}
