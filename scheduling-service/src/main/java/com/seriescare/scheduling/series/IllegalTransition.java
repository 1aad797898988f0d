package com.seriescare.scheduling.series;

/** A change the session's current state does not allow, e.g. completing a cancelled session. Answered with 409. */
public class IllegalTransition extends RuntimeException {

    public IllegalTransition(String message) {
        super(message);
    }
}
