package com.seriescare.scheduling.series;

import com.seriescare.contracts.scheduling.AppointmentStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * One session of a series. Its state is the matching FHIR Appointment status. Transitions check the current state
 * and return the changed session; an impossible one throws {@link IllegalTransition} saying why.
 *
 * @param start the instant it starts; {@code localStart} is the same moment in {@code timeZone}
 * @param revision 1 when booked; every change increments it, so consumers can tell stale plans from current ones
 */
public record Session(
        String id,
        int sequence,
        Instant start,
        LocalDateTime localStart,
        String timeZone,
        int durationMinutes,
        int revision,
        AppointmentStatus status,
        Instant confirmedAt,
        Instant checkedInAt,
        Instant completedAt,
        String cancelReason) {

    static Session booked(String id, int sequence, LocalDateTime localStart, ZoneId zone, int durationMinutes) {
        return new Session(
                id,
                sequence,
                localStart.atZone(zone).toInstant(),
                localStart,
                zone.getId(),
                durationMinutes,
                1,
                AppointmentStatus.booked,
                null,
                null,
                null,
                null);
    }

    public Instant end() {
        return endOf(start, durationMinutes);
    }

    /** When a session starting at {@code start} and lasting {@code durationMinutes} gives its chair back. */
    static Instant endOf(Instant start, int durationMinutes) {
        return start.plus(Duration.ofMinutes(durationMinutes));
    }

    /** Booked or in progress: it holds a chair and the patient's time. */
    public boolean active() {
        return holdsAChair(status);
    }

    /** Whether a session in this status takes its chair at its time: booked, or the patient has arrived. */
    static boolean holdsAChair(AppointmentStatus status) {
        return status == AppointmentStatus.booked || status == AppointmentStatus.arrived;
    }

    Session rescheduledTo(LocalDateTime newLocalStart) {
        requireStatus(AppointmentStatus.booked, "moved");
        ZoneId zone = ZoneId.of(timeZone);
        return new Session(
                id,
                sequence,
                newLocalStart.atZone(zone).toInstant(),
                newLocalStart,
                timeZone,
                durationMinutes,
                revision + 1,
                status,
                null,
                null,
                null,
                null);
    }

    Session cancelled(String reason) {
        requireStatus(AppointmentStatus.booked, "cancelled");
        return with(AppointmentStatus.cancelled, confirmedAt, checkedInAt, completedAt, reason);
    }

    Session checkedIn(Instant at) {
        if (status == AppointmentStatus.arrived) {
            throw new IllegalTransition("Session " + sequence + " is already checked in (since " + checkedInAt + ")");
        }
        requireStatus(AppointmentStatus.booked, "checked in");
        return with(AppointmentStatus.arrived, confirmedAt, at, completedAt, cancelReason);
    }

    Session completed(Instant actualEnd) {
        if (status == AppointmentStatus.booked) {
            throw new IllegalTransition("Session " + sequence + " has not been checked in; check the patient in first");
        }
        requireStatus(AppointmentStatus.arrived, "completed");
        if (actualEnd.isBefore(checkedInAt)) {
            throw new IllegalTransition("The end " + actualEnd + " is before the check-in at " + checkedInAt);
        }
        return with(AppointmentStatus.fulfilled, confirmedAt, checkedInAt, actualEnd, cancelReason);
    }

    Session missed() {
        requireStatus(AppointmentStatus.booked, "marked as a no-show");
        return with(AppointmentStatus.noshow, confirmedAt, checkedInAt, completedAt, cancelReason);
    }

    Session confirmed(Instant at) {
        requireStatus(AppointmentStatus.booked, "confirmed");
        return with(status, confirmedAt == null ? at : confirmedAt, checkedInAt, completedAt, cancelReason);
    }

    private Session with(
            AppointmentStatus newStatus, Instant confirmed, Instant checkedIn, Instant completed, String reason) {
        return new Session(
                id,
                sequence,
                start,
                localStart,
                timeZone,
                durationMinutes,
                revision + 1,
                newStatus,
                confirmed,
                checkedIn,
                completed,
                reason);
    }

    private void requireStatus(AppointmentStatus required, String action) {
        if (status != required) {
            throw new IllegalTransition("Session " + sequence + " is " + describe(status) + "; it cannot be " + action);
        }
    }

    private static String describe(AppointmentStatus status) {
        return switch (status) {
            case booked -> "booked";
            case arrived -> "checked in";
            case fulfilled -> "completed";
            case cancelled -> "cancelled";
            case noshow -> "a no-show";
        };
    }
}
