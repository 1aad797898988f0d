package com.seriescare.notification.planning;

import com.seriescare.contracts.scheduling.BookedSession;
import com.seriescare.contracts.scheduling.SeriesBooked;
import com.seriescare.contracts.scheduling.SessionScheduled;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

/** Decides which texts a scheduling event calls for, and when they are due. Pure: no I/O, time is passed in. */
public final class MessagePlanner {

    /** Prep tips go out the evening before, in the patient's own zone. */
    static final LocalTime PREP_TIPS_AT = LocalTime.of(18, 0);

    /** Booked too late for the evening before: still worth sending if the session is at least this far ahead. */
    static final Duration LATE_PREP_TIPS_MIN_LEAD = Duration.ofHours(3);

    private MessagePlanner() {}

    /** The booking confirmation, due at once. */
    public static PlannedMessage confirmationFor(SeriesBooked booked, Instant now) {
        return new PlannedMessage(
                booked.seriesId() + ":" + MessageKind.BOOKING_CONFIRMATION,
                MessageKind.BOOKING_CONFIRMATION,
                booked.patientId(),
                booked.seriesId(),
                null,
                0,
                now,
                booked.sessions().stream().map(BookedSession::start).toList(),
                null,
                false);
    }

    /**
     * Prep tips at 18:00 the day before the session, in the patient's zone (so daylight-saving days are handled
     * by {@code java.time}, not by adding 24 hours). Nothing when it is too late to be useful.
     */
    public static Optional<PlannedMessage> prepTipsFor(SessionScheduled session, ZoneId patientZone, Instant now) {
        Instant due = session.start()
                .atZone(patientZone)
                .toLocalDate()
                .minusDays(1)
                .atTime(PREP_TIPS_AT)
                .atZone(patientZone)
                .toInstant();
        if (due.isBefore(now)) {
            if (Duration.between(now, session.start()).compareTo(LATE_PREP_TIPS_MIN_LEAD) < 0) {
                return Optional.empty();
            }
            due = now;
        }
        return Optional.of(new PlannedMessage(
                session.sessionId() + ":" + MessageKind.PREP_TIPS + ":r" + session.revision(),
                MessageKind.PREP_TIPS,
                session.patientId(),
                session.seriesId(),
                session.sessionId(),
                session.revision(),
                due,
                java.util.List.of(session.start()),
                null,
                false));
    }
}
