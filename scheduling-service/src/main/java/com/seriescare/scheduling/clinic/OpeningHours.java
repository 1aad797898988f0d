package com.seriescare.scheduling.clinic;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** When a clinic is open, per weekday; a weekday without hours is closed, and so is every day of a closure. */
public record OpeningHours(Map<DayOfWeek, Hours> byDay, List<Closure> closures) {

    /** Open from {@code opens} until {@code closes} the same day. */
    public record Hours(LocalTime opens, LocalTime closes) {
        public Hours {
            if (!closes.isAfter(opens)) {
                throw new IllegalArgumentException("Closing time " + closes + " is not after opening time " + opens);
            }
        }

        /** Reads {@code 08:00-18:00}. */
        public static Hours parse(String text) {
            String[] parts = text.strip().split("-");
            if (parts.length != 2) {
                throw new IllegalArgumentException("Opening hours must look like 08:00-18:00, not '" + text + "'");
            }
            return new Hours(LocalTime.parse(parts[0].strip()), LocalTime.parse(parts[1].strip()));
        }
    }

    public OpeningHours {
        byDay = byDay.isEmpty() ? Map.of() : new EnumMap<>(byDay);
        closures = closures == null ? List.of() : List.copyOf(closures);
    }

    /** Weekly hours, never closed on a weekday with hours. */
    public OpeningHours(Map<DayOfWeek, Hours> byDay) {
        this(byDay, List.of());
    }

    /** The day's hours; none on a weekday without hours or on a closed day. */
    public Optional<Hours> on(LocalDate date) {
        return closure(date).isPresent() ? Optional.empty() : Optional.ofNullable(byDay.get(date.getDayOfWeek()));
    }

    /** The closure the day falls in, if any. */
    public Optional<Closure> closure(LocalDate date) {
        return closures.stream().filter(c -> c.covers(date)).findFirst();
    }

    /** Whether a session starting at {@code start} and lasting {@code length} lies within one day's hours. */
    public boolean covers(LocalDateTime start, Duration length) {
        LocalDateTime end = start.plus(length);
        return on(start.toLocalDate())
                .filter(hours -> !start.toLocalTime().isBefore(hours.opens()))
                .filter(hours -> end.toLocalDate().equals(start.toLocalDate())
                        && !end.toLocalTime().isAfter(hours.closes()))
                .isPresent();
    }
}
