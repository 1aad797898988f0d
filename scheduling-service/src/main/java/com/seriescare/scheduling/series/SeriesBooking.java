package com.seriescare.scheduling.series;

import com.seriescare.scheduling.clinic.Clinic;
import com.seriescare.scheduling.clinic.TreatmentPlan;
import com.seriescare.scheduling.shared.Ids;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Books a series from local start times read in the clinic's zone, each turned into an instant with that day's
 * offset (so 09:00 stays 09:00 across a daylight-saving change). Every session is checked against the clinic's
 * calendar; the preview lists each session and each conflict with the nearest free start.
 */
public final class SeriesBooking {

    /** A session as it would be booked. */
    public record Proposed(int index, int sequence, LocalDateTime localStart, Instant start, Instant end) {}

    public record Preview(List<Proposed> sessions, List<BookingConflict> conflicts) {
        public boolean bookable() {
            return conflicts.isEmpty();
        }
    }

    private SeriesBooking() {}

    /**
     * @param calendar the clinic's active sessions around the requested times
     */
    static Preview preview(
            String patientId,
            TreatmentPlan plan,
            List<LocalDateTime> localStarts,
            Clinic clinic,
            List<Occupied> calendar,
            Instant now) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < localStarts.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(localStarts::get));

        List<Occupied> taken = new ArrayList<>(calendar);
        List<Proposed> sessions = new ArrayList<>();
        List<BookingConflict> conflicts = new ArrayList<>();
        for (int index : order) {
            LocalDateTime local = localStarts.get(index);
            // earlier sessions of this request count as taken, so the later of two overlapping ones is the conflict
            Optional<BookingConflict> conflict =
                    new SlotRules(clinic, patientId, plan.chairTime(), taken, now).check(index, local);
            conflict.ifPresent(conflicts::add);
            Instant start = ZonedDateTime.of(local, clinic.timeZone()).toInstant();
            Instant end = start.plus(plan.chairTime());
            sessions.add(new Proposed(index, sessions.size() + 1, local, start, end));
            if (conflict.isEmpty()) {
                taken.add(new Occupied(patientId, "requested-" + index, start, end));
            }
        }
        conflicts.sort(Comparator.comparingInt(BookingConflict::index));
        return new Preview(sessions, conflicts);
    }

    /**
     * @throws BookingRefused listing every conflict (nothing is booked then)
     */
    static Series book(
            String patientId,
            TreatmentPlan plan,
            List<LocalDateTime> localStarts,
            Clinic clinic,
            List<Occupied> calendar,
            Instant now) {
        Preview preview = preview(patientId, plan, localStarts, clinic, calendar, now);
        if (!preview.bookable()) {
            throw new BookingRefused(preview);
        }
        int minutes = (int) plan.chairTime().toMinutes();
        List<Session> sessions = preview.sessions().stream()
                .map(p -> Session.booked(Ids.next(), p.sequence(), p.localStart(), clinic.timeZone(), minutes))
                .toList();
        return new Series(Ids.next(), patientId, clinic.id(), plan.name(), sessions, now);
    }
}
