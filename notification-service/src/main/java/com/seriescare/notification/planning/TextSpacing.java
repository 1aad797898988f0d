package com.seriescare.notification.planning;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * A patient gets at most {@code maxPerDay} non-urgent texts a local day and never two within {@code minGap}
 * (DOMAIN.md). Pure: the texts sent and planned around the one about to go out are passed in.
 *
 * <p>Priority, highest first: (1) what answers something that just happened, sent at once and never held back (the
 * booking confirmation, a session moved or cancelled, the intake link, answers to HELP and crisis language, and the
 * aftercare text when a session ends: "do not drive today" must not lose its place to a form link); (2) what
 * prepares for a session (prep tips, the day-of reminder); (3) form reminders and links; (4) the next-day check-in;
 * (5) mid- and end-of-series notes. Texts of the first rank count towards the budget but are never
 * held. A lesser text yields to a greater one planned the same day: it waits until {@code minGap} after the last text
 * (or after the greater one), or until the next morning when the day is full; a text whose words name its day
 * ("today", "tomorrow"), or that must arrive before its session, is dropped instead when that is too late.
 */
public record TextSpacing(int maxPerDay, Duration minGap) {

    public static final TextSpacing DEFAULT = new TextSpacing(2, MessagePlanner.MIN_GAP);

    /** A text already sent, or planned, to the same patient. */
    public record Neighbour(MessageKind kind, Instant at) {}

    /** What to do with the text now. */
    public sealed interface Decision {
        record Send() implements Decision {}

        record Wait(Instant until, String reason) implements Decision {}

        record Drop(String reason) implements Decision {}
    }

    /** How much a kind of text matters; lower is more important. */
    public static int rank(MessageKind kind) {
        return switch (kind) {
            case BOOKING_CONFIRMATION,
                    SESSION_MOVED,
                    SESSION_CANCELLED,
                    INTAKE_LINK,
                    CRISIS_RESPONSE,
                    HELP_RESPONSE,
                    ON_CALL_PAGE,
                    POST_SESSION -> 1;
            case PREP_TIPS, PREP_TIPS_AND_CONFIRM, DAY_OF_REMINDER -> 2;
            case CHECKLIST_LINK, CHECKLIST_OVERDUE, INTAKE_OVERDUE -> 3;
            case NEXT_DAY_CHECK_IN -> 4;
            case MID_SERIES_NOTE, END_OF_SERIES -> 5;
        };
    }

    /**
     * @param sent the patient's non-urgent texts sent in the last day or so
     * @param planned the patient's other texts waiting to go out in the next day or so
     * @param mustArriveBefore the session a before-session text is for; empty for other texts
     */
    public Decision decide(
            MessageKind kind,
            Instant now,
            ZoneId zone,
            List<Neighbour> sent,
            List<Neighbour> planned,
            Optional<Instant> mustArriveBefore,
            QuietHours quietHours) {
        if (rank(kind) == 1) {
            return new Decision.Send();
        }
        LocalDate today = now.atZone(zone).toLocalDate();
        Optional<Instant> lastSent =
                sent.stream().map(Neighbour::at).filter(at -> !at.isAfter(now)).max(Instant::compareTo);
        // greater texts still to come today keep their place: they count now and must not come too close
        List<Instant> greaterLaterToday = planned.stream()
                .filter(p -> rank(p.kind()) < rank(kind))
                .map(Neighbour::at)
                .filter(at -> !at.isBefore(now) && at.atZone(zone).toLocalDate().equals(today))
                .sorted()
                .toList();
        long sentToday = sent.stream()
                .filter(s -> s.at().atZone(zone).toLocalDate().equals(today))
                .count();
        if (sentToday + greaterLaterToday.size() >= maxPerDay) {
            return nextDay(
                    kind,
                    now,
                    zone,
                    mustArriveBefore,
                    quietHours,
                    "the patient has had " + sentToday + " text(s) today and " + greaterLaterToday.size()
                            + " more important one(s) are due");
        }
        Optional<Instant> tooCloseGreater = greaterLaterToday.stream()
                .filter(at -> Duration.between(now, at).compareTo(minGap) < 0)
                .findFirst();
        Instant earliest = lastSent.map(at -> at.plus(minGap)).orElse(now);
        if (tooCloseGreater.isPresent()) {
            Instant after = tooCloseGreater.get().plus(minGap);
            earliest = after.isAfter(earliest) ? after : earliest;
        }
        if (!earliest.isAfter(now)) {
            return new Decision.Send();
        }
        boolean staysOnItsDay =
                !kind.namesItsDay() || earliest.atZone(zone).toLocalDate().equals(today);
        boolean beforeSession = mustArriveBefore.map(earliest::isBefore).orElse(true);
        if (staysOnItsDay && beforeSession && !quietHours.contains(earliest, zone)) {
            return new Decision.Wait(earliest, "held to keep two hours between the patient's texts");
        }
        if (!kind.namesItsDay() && mustArriveBefore.isEmpty()) {
            return nextDay(kind, now, zone, mustArriveBefore, quietHours, "no room left today");
        }
        return new Decision.Drop("dropped: another text went or goes to the patient within two hours");
    }

    private static Decision nextDay(
            MessageKind kind,
            Instant now,
            ZoneId zone,
            Optional<Instant> mustArriveBefore,
            QuietHours quietHours,
            String why) {
        Instant morning = quietHours.endOn(now.atZone(zone).toLocalDate().plusDays(1), zone);
        if (kind.namesItsDay()
                || mustArriveBefore.map(start -> !morning.isBefore(start)).orElse(false)) {
            return new Decision.Drop("dropped: " + why);
        }
        return new Decision.Wait(morning, "moved to the next morning: " + why);
    }
}
