package com.seriescare.scheduling.series;

/** The series changed while this change was being made; nothing was saved. Answered with 409: try again. */
public class ConcurrentChange extends RuntimeException {

    ConcurrentChange(String seriesId) {
        super("Series '" + seriesId
                + "' was changed by someone else at the same time; nothing was saved, please retry");
    }
}
