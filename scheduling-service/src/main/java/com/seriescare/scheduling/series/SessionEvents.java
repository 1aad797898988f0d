package com.seriescare.scheduling.series;

import com.seriescare.contracts.ClinicEvent;
import com.seriescare.contracts.scheduling.BookedSession;
import com.seriescare.contracts.scheduling.SeriesBooked;
import com.seriescare.contracts.scheduling.SessionCancelled;
import com.seriescare.contracts.scheduling.SessionCheckedIn;
import com.seriescare.contracts.scheduling.SessionCompleted;
import com.seriescare.contracts.scheduling.SessionConfirmed;
import com.seriescare.contracts.scheduling.SessionMissed;
import com.seriescare.contracts.scheduling.SessionRescheduled;
import com.seriescare.contracts.scheduling.SessionScheduled;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The events of series and session changes, each carrying the session's state after the change. */
final class SessionEvents {

    private SessionEvents() {}

    /** {@code SeriesBooked} first, then one {@code SessionScheduled} per session, in session order. */
    static List<ClinicEvent> booked(Series series) {
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
        series.sessions().forEach(session -> events.add(scheduled(series, session)));
        return events;
    }

    static SessionScheduled scheduled(Series series, Session s) {
        return new SessionScheduled(
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
                s.status());
    }

    static SessionRescheduled rescheduled(Series series, Session s, Instant previousStart) {
        return new SessionRescheduled(
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
                s.status(),
                previousStart);
    }

    static SessionCancelled cancelled(Series series, Session s, Instant at) {
        return new SessionCancelled(
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
                s.status(),
                s.cancelReason(),
                at);
    }

    static SessionCheckedIn checkedIn(Series series, Session s) {
        return new SessionCheckedIn(
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
                s.status(),
                s.checkedInAt());
    }

    static SessionCompleted completed(Series series, Session s) {
        return new SessionCompleted(
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
                s.status(),
                s.completedAt());
    }

    static SessionMissed missed(Series series, Session s, Instant at) {
        return new SessionMissed(
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
                s.status(),
                at);
    }

    static SessionConfirmed confirmed(Series series, Session s, String channel) {
        return new SessionConfirmed(
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
                s.status(),
                s.confirmedAt(),
                channel);
    }
}
