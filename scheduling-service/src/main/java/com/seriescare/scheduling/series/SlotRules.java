package com.seriescare.scheduling.series;

import com.seriescare.scheduling.clinic.Clinic;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether a session can start at a local time: not in the past, a time that exists that day, not on a day the clinic
 * is closed, within opening hours,
 * not overlapping the patient's other sessions, and a chair free for its whole length. Also finds the nearest
 * start that passes, in quarter-hour steps up to a week either way.
 */
final class SlotRules {

    static final Duration STEP = Duration.ofMinutes(15);
    static final Duration SEARCH = Duration.ofDays(7);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm");

    private final Clinic clinic;
    private final String patientId;
    private final Duration chairTime;
    private final List<Occupied> calendar;
    private final Instant now;

    /**
     * @param calendar every active session of the clinic around the asked times (other series' and this request's
     *     other sessions), without the session being placed
     */
    SlotRules(Clinic clinic, String patientId, Duration chairTime, List<Occupied> calendar, Instant now) {
        this.clinic = clinic;
        this.patientId = patientId;
        this.chairTime = chairTime;
        this.calendar = List.copyOf(calendar);
        this.now = now;
    }

    /** The first rule a start breaks, as a conflict (with the nearest free start), or empty when it can be booked. */
    Optional<BookingConflict> check(int index, LocalDateTime local) {
        return violation(local)
                .map(v -> new BookingConflict(
                        index, local, v.kind(), v.reason(), suggest(local).orElse(null)));
    }

    Optional<LocalDateTime> suggest(LocalDateTime local) {
        long steps = SEARCH.dividedBy(STEP);
        for (long step = 1; step <= steps; step++) {
            for (LocalDateTime candidate :
                    List.of(local.plus(STEP.multipliedBy(step)), local.minus(STEP.multipliedBy(step)))) {
                if (violation(candidate).isEmpty()) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private Optional<Violation> violation(LocalDateTime local) {
        if (clinic.timeZone().getRules().getValidOffsets(local).isEmpty()) {
            return Optional.of(new Violation(
                    BookingConflict.Kind.NOT_A_LOCAL_TIME,
                    local.format(TIME) + " does not exist in " + clinic.timeZone() + " (the clocks skip it that day)"));
        }
        Instant start = ZonedDateTime.of(local, clinic.timeZone()).toInstant();
        Instant end = start.plus(chairTime);
        if (!start.isAfter(now)) {
            return Optional.of(
                    new Violation(BookingConflict.Kind.IN_THE_PAST, local.format(TIME) + " has already passed"));
        }
        var closure = clinic.openingHours().closure(local.toLocalDate());
        if (closure.isPresent()) {
            return Optional.of(new Violation(
                    BookingConflict.Kind.CLINIC_CLOSED,
                    local.format(TIME) + " falls on a day the clinic is closed ("
                            + closure.get().name() + ")"));
        }
        if (!clinic.openingHours().covers(local, chairTime)) {
            return Optional.of(new Violation(
                    BookingConflict.Kind.OUTSIDE_OPENING_HOURS,
                    local.format(TIME) + " to " + local.plus(chairTime).toLocalTime() + " is outside opening hours ("
                            + clinic.openingHours()
                                    .on(local.toLocalDate())
                                    .map(h -> h.opens() + "-" + h.closes())
                                    .orElse("closed")
                            + ")"));
        }
        Optional<Occupied> own = calendar.stream()
                .filter(o -> o.patientId().equals(patientId) && o.overlaps(start, end))
                .findFirst();
        if (own.isPresent()) {
            return Optional.of(new Violation(
                    BookingConflict.Kind.OVERLAPS_SAME_PATIENT,
                    local.format(TIME) + " overlaps the patient's session at "
                            + own.get()
                                    .start()
                                    .atZone(clinic.timeZone())
                                    .toLocalDateTime()
                                    .format(TIME)));
        }
        if (busiestMoment(start, end) >= clinic.chairs()) {
            return Optional.of(new Violation(
                    BookingConflict.Kind.NO_CHAIR_FREE,
                    "all " + clinic.chairs() + " chairs are taken during " + local.format(TIME) + " to "
                            + local.plus(chairTime).toLocalTime()));
        }
        return Optional.empty();
    }

    /** The most chairs taken at any moment between start and end. */
    private int busiestMoment(Instant start, Instant end) {
        List<Occupied> overlapping =
                calendar.stream().filter(o -> o.overlaps(start, end)).toList();
        List<Instant> moments = new ArrayList<>(List.of(start));
        overlapping.stream()
                .map(Occupied::start)
                .filter(s -> s.isAfter(start) && s.isBefore(end))
                .forEach(moments::add);
        int busiest = 0;
        for (Instant moment : moments) {
            int taken = (int) overlapping.stream()
                    .filter(o -> !o.start().isAfter(moment) && o.end().isAfter(moment))
                    .count();
            busiest = Math.max(busiest, taken);
        }
        return busiest;
    }

    private record Violation(BookingConflict.Kind kind, String reason) {}
}
