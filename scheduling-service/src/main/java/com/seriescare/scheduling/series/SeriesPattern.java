package com.seriescare.scheduling.series;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A recurring series, e.g. six sessions on Mondays and Thursdays at 09:00 from 2027-03-08. The time is a local
 * time of the clinic: it stays 09:00 on both sides of a daylight-saving change.
 */
public record SeriesPattern(LocalDate firstDate, int count, Set<DayOfWeek> weekdays, LocalTime time) {

    public SeriesPattern {
        weekdays = Set.copyOf(weekdays);
    }

    public List<LocalDateTime> starts() {
        List<LocalDateTime> starts = new ArrayList<>();
        for (LocalDate date = firstDate; starts.size() < count; date = date.plusDays(1)) {
            if (weekdays.contains(date.getDayOfWeek())) {
                starts.add(date.atTime(time));
            }
        }
        return starts;
    }
}
