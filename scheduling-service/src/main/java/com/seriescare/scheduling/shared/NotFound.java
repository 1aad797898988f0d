package com.seriescare.scheduling.shared;

/** A resource named in the request path does not exist (or is not this clinic's). Answered with 404. */
public class NotFound extends RuntimeException {

    public NotFound(String what, String id) {
        super(what + " '" + id + "' does not exist");
    }
}
