package com.seriescare.scheduling.series;

import java.util.List;

/** A series that cannot be booked as asked; nothing was booked. Answered with 409 and the conflicts. */
public class BookingRefused extends RuntimeException {

    private final List<BookingConflict> conflicts;

    BookingRefused(List<BookingConflict> conflicts) {
        super(conflicts.size() + " session(s) cannot be booked as asked");
        this.conflicts = List.copyOf(conflicts);
    }

    public List<BookingConflict> conflicts() {
        return conflicts;
    }
}
