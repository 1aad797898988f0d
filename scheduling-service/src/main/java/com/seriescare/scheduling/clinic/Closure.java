package com.seriescare.scheduling.clinic;

import java.time.LocalDate;

/**
 * Days a clinic is closed although its weekday has opening hours: a public holiday, a training day, a move.
 *
 * @param from the first closed day
 * @param to the last closed day (the same as {@code from} for one day)
 * @param name what the front desk is told when a booking falls on it, e.g. "Christmas Day"
 */
public record Closure(LocalDate from, LocalDate to, String name) {

    public Closure {
        to = to == null ? from : to;
        if (to.isBefore(from)) {
            throw new IllegalArgumentException(
                    "Closure '" + name + "' ends (" + to + ") before it starts (" + from + ")");
        }
    }

    public boolean covers(LocalDate date) {
        return !date.isBefore(from) && !date.isAfter(to);
    }
}
