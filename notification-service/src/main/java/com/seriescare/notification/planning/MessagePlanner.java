package com.seriescare.notification.planning;

import com.seriescare.contracts.intake.FormLinkIssued;
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
     * The texts that prepare the patient for a session, timed so that their words are true when read, in the
     * patient's zone:
     *
     * <ul>
     *   <li>prep tips ("tomorrow") at {@link MessageRules#prepTipsAt()} the day before, moved before the clinic's quiet
     *       hours if they start earlier; booked later than that, at once if it is still that day, outside quiet hours
     *       and {@link #LATE_PREP_TIPS_MIN_LEAD} before the session, else not at all;
     *   <li>the day-of reminder ("today") {@link MessageRules#dayOfReminderBefore()} before the session, but not before
     *       quiet hours end that morning. When that leaves less than {@link #MIN_GAP} before the session (a session
     *       before 10:00 with the defaults) and prep tips go out the evening before, the reminder is folded into them:
     *       they become {@link MessageKind#PREP_TIPS_AND_CONFIRM}, which also asks for the confirmation. Without prep
     *       tips the reminder goes out anyway, if at least {@link #MIN_REMINDER_LEAD} before the session.
     * </ul>
     *
     * Either is left out when its moment has passed. Daylight-saving days are {@code java.time}'s business: local
     * times are turned into instants in the patient's zone, never by adding hours.
     */
    public static List<PlannedMessage> beforeSession(
            SessionEvent session, ZoneId patientZone, Instant now, MessageRules rules, QuietHours quietHours) {
        LocalDate day = session.start().atZone(patientZone).toLocalDate();
        Optional<Instant> prepTips =
                prepTipsTime(session.start(), day.minusDays(1), patientZone, now, rules, quietHours);
        Instant reminderAt = reminderTime(session.start(), day, patientZone, rules, quietHours);
        boolean fold = prepTips.isPresent()
                && Duration.between(reminderAt, session.start()).compareTo(MIN_GAP) < 0;
        List<PlannedMessage> plans = new ArrayList<>();
        prepTips.ifPresent(due -> plans.add(sessionText(
                fold ? MessageKind.PREP_TIPS_AND_CONFIRM : MessageKind.PREP_TIPS,
                session.patientId(),
                session.seriesId(),
                session.sessionId(),
                session.revision(),
                due,
                session.start())));
        boolean reminderUseful = !reminderAt.isBefore(now)
                && !quietHours.contains(reminderAt, patientZone)
                && Duration.between(reminderAt, session.start()).compareTo(MIN_REMINDER_LEAD) >= 0;
        if (!fold && reminderUseful) {
            plans.add(sessionText(
                    MessageKind.DAY_OF_REMINDER,
                    session.patientId(),
                    session.seriesId(),
                    session.sessionId(),
                    session.revision(),
                    reminderAt,
                    session.start()));
        }
        return plans;
    }

    /** Two non-urgent texts to a patient are never closer than this. */
    public static final Duration MIN_GAP = Duration.ofHours(2);

    /** A day-of reminder closer than this to the session is no use: the patient is on their way. */
    static final Duration MIN_REMINDER_LEAD = Duration.ofMinutes(45);

    private static Optional<Instant> prepTipsTime(
            Instant start, LocalDate dayBefore, ZoneId zone, Instant now, MessageRules rules, QuietHours quietHours) {
        Instant due = dayBefore.atTime(rules.prepTipsAt()).atZone(zone).toInstant();
        if (quietHours.contains(due, zone)) {
            // the clinic's quiet hours begin before the usual time: the last minute before them, the same evening
            due = quietHours.lastAllowedBefore(due, zone);
        }
        if (due.isBefore(now)) {
            boolean stillTheDayBefore = now.atZone(zone).toLocalDate().equals(dayBefore);
            if (!stillTheDayBefore
                    || quietHours.contains(now, zone)
                    || Duration.between(now, start).compareTo(LATE_PREP_TIPS_MIN_LEAD) < 0) {
                return Optional.empty();
            }
            due = now;
        }
        return due.atZone(zone).toLocalDate().equals(dayBefore) ? Optional.of(due) : Optional.empty();
    }

    /** The reminder's moment: the configured time before the session, but not before quiet hours end that day. */
    private static Instant reminderTime(
            Instant start, LocalDate day, ZoneId zone, MessageRules rules, QuietHours quietHours) {
        Instant due = start.minus(rules.dayOfReminderBefore());
        Instant morning = quietHours.endOn(day, zone);
        return due.isBefore(morning) ? morning : due;
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

    /**
     * The text a form link was issued for: the intake form at once; a session's checklist two days before it is due
     * (at once when that has passed); an overdue reminder at once. Keyed by the form, the kind and (for checklists)
     * the due time: a moved session's checklist is requested again, and that request is a new text.
     */
    public static PlannedMessage formLink(FormLinkIssued issued, Instant now) {
        boolean intake = FormLinkIssued.INTAKE.equals(issued.form());
        boolean overdue = FormLinkIssued.OVERDUE.equals(issued.occasion());
        MessageKind kind = intake
                ? (overdue ? MessageKind.INTAKE_OVERDUE : MessageKind.INTAKE_LINK)
                : (overdue ? MessageKind.CHECKLIST_OVERDUE : MessageKind.CHECKLIST_LINK);
        String key = issued.formId() + ":" + kind
                + (intake ? "" : ":" + issued.dueAt().getEpochSecond());
        Instant due = now;
        if (kind == MessageKind.CHECKLIST_LINK) {
            Instant early = issued.dueAt().minus(CHECKLIST_LINK_BEFORE_DUE);
            due = early.isBefore(now) ? now : early;
        }
        return new PlannedMessage(
                key,
                kind,
                issued.patientId(),
                issued.seriesId(),
                intake ? null : issued.sessionId(),
                0,
                due,
                List.of(),
                null,
                false,
                issued.link());
    }

    /** The checklist link goes out this long before the checklist is due: early enough to plan a ride home. */
    static final Duration CHECKLIST_LINK_BEFORE_DUE = Duration.ofHours(48);
}
