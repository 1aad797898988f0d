package com.seriescare.scheduling.series;

import java.util.List;

/** A series that cannot be booked as asked; nothing was booked. Answered with 409, the preview and the conflicts. */
public class BookingRefused extends RuntimeException {

    private final transient SeriesBooking.Preview preview;

    BookingRefused(SeriesBooking.Preview preview) {
        super(preview.conflicts().size() + " session(s) cannot be booked as asked");
        this.preview = preview;
    }

    public List<BookingConflict> conflicts() {
        return preview.conflicts();
    }

    SeriesBooking.Preview preview() {
        return preview;
    }
}
