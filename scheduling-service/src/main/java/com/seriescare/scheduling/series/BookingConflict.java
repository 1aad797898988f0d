package com.seriescare.scheduling.series;

import java.time.LocalDateTime;

/**
 * Why one requested session cannot take place at the asked time, and the nearest start that can.
 *
 * @param index position of the session in the request
 * @param requestedStart the local start the front desk asked for
 * @param suggestedStart the nearest free local start (same rules), or null when none was found within a week
 */
public record BookingConflict(
        int index, LocalDateTime requestedStart, Kind kind, String reason, LocalDateTime suggestedStart) {

    public enum Kind {
        IN_THE_PAST,
        NOT_A_LOCAL_TIME,
        /** a holiday or other closure of the clinic's (its name is in the reason) */
        CLINIC_CLOSED,
        OUTSIDE_OPENING_HOURS,
        OVERLAPS_SAME_PATIENT,
        NO_CHAIR_FREE
    }
}
