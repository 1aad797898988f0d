package com.seriescare.scheduling.series;

import com.seriescare.contracts.scheduling.AppointmentStatus;
import java.time.Instant;
import java.time.LocalDateTime;

/**
 * One session of a series.
 *
 * @param start the instant it starts; {@code localStart} is the same moment in {@code timeZone}, as booked
 * @param revision 1 when booked; every change of time or state increments it
 */
public record Session(
        String id,
        int sequence,
        Instant start,
        LocalDateTime localStart,
        String timeZone,
        int durationMinutes,
        int revision,
        AppointmentStatus status) {}
