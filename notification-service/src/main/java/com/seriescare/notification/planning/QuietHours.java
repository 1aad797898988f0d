package com.seriescare.notification.planning;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * When no text may reach a patient (except the answer to crisis language): by default from 21:00 to 08:00 in the
 * patient's own zone. The period may wrap midnight. Pure: times are passed in.
 */
public record QuietHours(LocalTime start, LocalTime end) {

    public static final QuietHours DEFAULT = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0));

    public boolean contains(Instant instant, ZoneId zone) {
        LocalTime time = instant.atZone(zone).toLocalTime();
        return start.isBefore(end)
                ? !time.isBefore(start) && time.isBefore(end)
                : !time.isBefore(start) || time.isBefore(end);
    }

    /**
     * When to send a text planned for {@code planned}: as planned outside quiet hours; otherwise the last allowed
     * minute before them if that is still ahead, else the first allowed minute after them; and for a text that must
     * arrive before something (a session), never later than {@code notAfter}: then nothing is sent.
     */
    public Optional<Instant> adjust(Instant planned, ZoneId zone, Instant now, Optional<Instant> notAfter) {
        if (!contains(planned, zone)) {
            return Optional.of(planned);
        }
        Instant lastBefore = lastAllowedBefore(planned, zone);
        if (lastBefore.isAfter(now)) {
            return Optional.of(lastBefore);
        }
        Instant firstAfter = firstAllowedAfter(planned, zone);
        return notAfter.isPresent() && firstAfter.isAfter(notAfter.get()) ? Optional.empty() : Optional.of(firstAfter);
    }

    /** The last minute a text may go out before the quiet period that {@code instant} falls in. */
    public Instant lastAllowedBefore(Instant instant, ZoneId zone) {
        return quietStartFor(instant, zone).minusSeconds(60);
    }

    /** When quiet hours end on the morning of {@code day}, in {@code zone}. */
    public Instant endOn(LocalDate day, ZoneId zone) {
        return ZonedDateTime.of(LocalDateTime.of(day, end), zone).toInstant();
    }

    /** The end of the quiet period that {@code instant} falls in. */
    public Instant firstAllowedAfter(Instant instant, ZoneId zone) {
        ZonedDateTime local = instant.atZone(zone);
        LocalDate day = local.toLocalTime().isBefore(end)
                ? local.toLocalDate()
                : local.toLocalDate().plusDays(1);
        return ZonedDateTime.of(LocalDateTime.of(day, end), zone).toInstant();
    }

    /** The start of the quiet period that {@code instant} falls in. */
    private Instant quietStartFor(Instant instant, ZoneId zone) {
        ZonedDateTime local = instant.atZone(zone);
        LocalDate day = local.toLocalTime().isBefore(end) && start.isAfter(end)
                ? local.toLocalDate().minusDays(1)
                : local.toLocalDate();
        return ZonedDateTime.of(LocalDateTime.of(day, start), zone).toInstant();
    }
}
