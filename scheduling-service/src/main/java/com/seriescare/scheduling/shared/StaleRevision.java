package com.seriescare.scheduling.shared;

/**
 * The caller changed a record on the strength of an older read (its {@code If-Match} names a revision that is no
 * longer current): nothing was saved, so another person's change is not silently overwritten. Answered with 412.
 */
public class StaleRevision extends RuntimeException {

    public StaleRevision(String what, String id, long expected, long current) {
        super(what + " '" + id + "' was changed since you read it (you had revision " + expected + ", it is now "
                + current + "); nothing was saved. Read it again and redo the change if it still applies.");
    }
}
