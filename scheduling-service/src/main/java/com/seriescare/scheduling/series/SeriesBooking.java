package com.seriescare.scheduling.series;

import com.seriescare.contracts.ClinicEvent;
import com.seriescare.contracts.scheduling.AppointmentStatus;
import com.seriescare.contracts.scheduling.BookedSession;
import com.seriescare.contracts.scheduling.SeriesBooked;
import com.seriescare.contracts.scheduling.SessionScheduled;
import com.seriescare.scheduling.clinic.Clinic;
import com.seriescare.scheduling.shared.Ids;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Books a series from the local start times the front desk chose, read in the clinic's zone. Each local time
 * is turned into an instant with that day's offset, so 09:00 stays 09:00 across a daylight-saving change.
 */
final class SeriesBooking {

    record Booked(Series series, List<ClinicEvent> events) {}

    private SeriesBooking() {}

    /**
     * @throws BookingRefused listing every session that cannot be booked (nothing is booked then)
     */
    static Booked book(String patientId, List<LocalDateTime> localStarts, Clinic clinic, Instant now) {
        ZoneId zone = clinic.timeZone();
        Duration length = Duration.ofMinutes(clinic.sessionMinutes());
        List<BookingConflict> conflicts = new ArrayList<>();
        List<Slot> slots = new ArrayList<>();
        for (int i = 0; i < localStarts.size(); i++) {
            LocalDateTime local = localStarts.get(i);
            if (zone.getRules().getValidOffsets(local).isEmpty()) {
                conflicts.add(new BookingConflict(
                        i,
                        local,
                        BookingConflict.Kind.NOT_A_LOCAL_TIME,
                        local + " does not exist in " + zone + " (the clocks skip it that day)"));
                continue;
            }
            Instant start = ZonedDateTime.of(local, zone).toInstant();
            if (!start.isAfter(now)) {
                conflicts.add(
                        new BookingConflict(i, local, BookingConflict.Kind.IN_THE_PAST, local + " has already passed"));
            }
            slots.add(new Slot(i, local, start));
        }
        slots.sort(Comparator.comparing(Slot::start));
        for (int i = 1; i < slots.size(); i++) {
            Slot previous = slots.get(i - 1);
            Slot slot = slots.get(i);
            if (previous.start().plus(length).isAfter(slot.start())) {
                conflicts.add(new BookingConflict(
                        slot.index(),
                        slot.local(),
                        BookingConflict.Kind.OVERLAPS_SAME_PATIENT,
                        slot.local() + " overlaps the session at " + previous.local() + " of this series"));
            }
        }
        if (!conflicts.isEmpty()) {
            conflicts.sort(Comparator.comparingInt(BookingConflict::index));
            throw new BookingRefused(conflicts);
        }

        List<Session> sessions = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            Slot slot = slots.get(i);
            sessions.add(new Session(
                    Ids.next(),
                    i + 1,
                    slot.start(),
                    slot.local(),
                    zone.getId(),
                    clinic.sessionMinutes(),
                    1,
                    AppointmentStatus.booked));
        }
        Series series = new Series(Ids.next(), patientId, clinic.id(), sessions, now);
        return new Booked(series, eventsFor(series));
    }

    /** {@code SeriesBooked} first, then one {@code SessionScheduled} per session, in session order. */
    private static List<ClinicEvent> eventsFor(Series series) {
        List<ClinicEvent> events = new ArrayList<>();
        events.add(new SeriesBooked(
                series.patientId(),
                series.id(),
                series.clinicId(),
                series.sessions().stream()
                        .map(s -> new BookedSession(
                                s.id(), s.sequence(), s.start(), s.localStart(), s.timeZone(), s.durationMinutes()))
                        .toList(),
                series.bookedAt()));
        for (Session s : series.sessions()) {
            events.add(new SessionScheduled(
                    series.patientId(),
                    series.id(),
                    s.id(),
                    s.sequence(),
                    series.sessions().size(),
                    s.start(),
                    s.timeZone(),
                    s.durationMinutes(),
                    series.clinicId(),
                    s.revision(),
                    s.status()));
        }
        return events;
    }

    private record Slot(int index, LocalDateTime local, Instant start) {}
}
