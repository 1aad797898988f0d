package com.seriescare.notification.planning;

import com.seriescare.contracts.intake.ChecklistOverdue;
import com.seriescare.contracts.intake.ChecklistRequested;
import com.seriescare.contracts.intake.IntakeOverdue;
import com.seriescare.contracts.intake.IntakeRequested;
import com.seriescare.contracts.scheduling.BookedSession;
import com.seriescare.contracts.scheduling.SeriesBooked;
import com.seriescare.contracts.scheduling.SessionCancelled;
import com.seriescare.contracts.scheduling.SessionCompleted;
import com.seriescare.contracts.scheduling.SessionEvent;
import com.seriescare.contracts.scheduling.SessionRescheduled;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Decides which texts a scheduling event calls for, and when they are due. Pure: no I/O, time is passed in. */
public final class MessagePlanner {

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
                false,
                null);
    }

    /**
     * Prep tips at 18:00 the day before the session, in the patient's zone (so daylight-saving days are handled
     * by {@code java.time}, not by adding 24 hours). Nothing when it is too late to be useful.
     */
    public static Optional<PlannedMessage> prepTipsFor(SessionEvent session, ZoneId patientZone, Instant now) {
        return prepTipsFor(session, patientZone, now, MessageRules.DEFAULTS);
    }

    public static Optional<PlannedMessage> prepTipsFor(
            SessionEvent session, ZoneId patientZone, Instant now, MessageRules rules) {
        Instant due = session.start()
                .atZone(patientZone)
                .toLocalDate()
                .minusDays(1)
                .atTime(rules.prepTipsAt())
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
                false,
                null));
    }

    /** The day-of reminder, a few hours before the session; nothing once that moment has passed. */
    public static Optional<PlannedMessage> dayOfReminderFor(SessionEvent session, Instant now, MessageRules rules) {
        Instant due = session.start().minus(rules.dayOfReminderBefore());
        if (!due.isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(sessionText(
                MessageKind.DAY_OF_REMINDER,
                session.patientId(),
                session.seriesId(),
                session.sessionId(),
                session.revision(),
                due,
                session.start()));
    }

    /** What follows a completed session: aftercare, the next-day check-in, and the mid- or end-of-series text. */
    public static List<PlannedMessage> afterSession(SessionCompleted done, ZoneId patientZone, MessageRules rules) {
        List<PlannedMessage> plans = new ArrayList<>();
        LocalDate nextDay = done.completedAt().atZone(patientZone).toLocalDate().plusDays(1);
        plans.add(sessionText(
                MessageKind.POST_SESSION,
                done.patientId(),
                done.seriesId(),
                done.sessionId(),
                0,
                done.completedAt().plus(rules.postSessionAfter()),
                done.start()));
        plans.add(sessionText(
                MessageKind.NEXT_DAY_CHECK_IN,
                done.patientId(),
                done.seriesId(),
                done.sessionId(),
                0,
                nextDay.atTime(rules.checkInAt()).atZone(patientZone).toInstant(),
                done.start()));
        if (done.sequence() >= 2 && done.sequence() <= 4 && done.sequence() < done.sessionCount()) {
            plans.add(sessionText(
                    MessageKind.MID_SERIES_NOTE,
                    done.patientId(),
                    done.seriesId(),
                    done.sessionId(),
                    0,
                    nextDay.atTime(rules.midSeriesNoteAt()).atZone(patientZone).toInstant(),
                    done.start()));
        }
        if (done.sequence() == done.sessionCount()) {
            plans.add(sessionText(
                    MessageKind.END_OF_SERIES,
                    done.patientId(),
                    done.seriesId(),
                    done.sessionId(),
                    0,
                    nextDay.atTime(rules.endOfSeriesAt()).atZone(patientZone).toInstant(),
                    done.start()));
        }
        return plans;
    }

    /** A notice that the session moved, at once, naming the new time. */
    public static PlannedMessage movedNotice(SessionRescheduled moved, Instant now) {
        return sessionText(
                MessageKind.SESSION_MOVED,
                moved.patientId(),
                moved.seriesId(),
                moved.sessionId(),
                moved.revision(),
                now,
                moved.start());
    }

    /** A notice that the session was cancelled, at once; none for a session already past. */
    public static Optional<PlannedMessage> cancelledNotice(SessionCancelled cancelled, Instant now) {
        if (!cancelled.start().isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(sessionText(
                MessageKind.SESSION_CANCELLED,
                cancelled.patientId(),
                cancelled.seriesId(),
                cancelled.sessionId(),
                cancelled.revision(),
                now,
                cancelled.start()));
    }

    /** A text about one session; the plan key holds the revision for texts that depend on the session's time. */
    private static PlannedMessage sessionText(
            MessageKind kind,
            String patientId,
            String seriesId,
            String sessionId,
            int revision,
            Instant due,
            Instant start) {
        String key = sessionId + ":" + kind + (revision > 0 ? ":r" + revision : "");
        return new PlannedMessage(
                key, kind, patientId, seriesId, sessionId, revision, due, List.of(start), null, false, null);
    }

    /** The link to the intake form, at once. */
    public static PlannedMessage intakeLink(IntakeRequested requested, Instant now) {
        return new PlannedMessage(
                requested.intakeId() + ":" + MessageKind.INTAKE_LINK,
                MessageKind.INTAKE_LINK,
                requested.patientId(),
                requested.seriesId(),
                null,
                0,
                now,
                List.of(),
                null,
                false,
                requested.link());
    }

    /** A reminder that the intake form is overdue, with its link, at once. */
    public static PlannedMessage intakeOverdue(IntakeOverdue overdue, Instant now) {
        return new PlannedMessage(
                overdue.intakeId() + ":" + MessageKind.INTAKE_OVERDUE,
                MessageKind.INTAKE_OVERDUE,
                overdue.patientId(),
                overdue.seriesId(),
                null,
                0,
                now,
                List.of(),
                null,
                false,
                overdue.link());
    }

    /** The checklist link goes out this long before the checklist is due: early enough to plan a ride home. */
    static final Duration CHECKLIST_LINK_BEFORE_DUE = Duration.ofHours(48);

    /**
     * The link to a session's checklist, two days before it is due (at once when that has passed). Keyed by the due
     * time too: a moved session's checklist is requested again, and that request is a new text.
     */
    public static PlannedMessage checklistLink(ChecklistRequested requested, Instant now) {
        Instant due = requested.dueAt().minus(CHECKLIST_LINK_BEFORE_DUE);
        return new PlannedMessage(
                requested.checklistId() + ":" + MessageKind.CHECKLIST_LINK + ":"
                        + requested.dueAt().getEpochSecond(),
                MessageKind.CHECKLIST_LINK,
                requested.patientId(),
                requested.seriesId(),
                requested.sessionId(),
                0,
                due.isBefore(now) ? now : due,
                List.of(),
                null,
                false,
                requested.link());
    }

    /** A reminder that the checklist is overdue, with its link, at once (once per due time). */
    public static PlannedMessage checklistOverdue(ChecklistOverdue overdue, Instant now) {
        return new PlannedMessage(
                overdue.checklistId() + ":" + MessageKind.CHECKLIST_OVERDUE + ":"
                        + overdue.dueAt().getEpochSecond(),
                MessageKind.CHECKLIST_OVERDUE,
                overdue.patientId(),
                overdue.seriesId(),
                overdue.sessionId(),
                0,
                now,
                List.of(),
                null,
                false,
                overdue.link());
    }
}
