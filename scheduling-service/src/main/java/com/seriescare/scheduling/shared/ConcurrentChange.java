package com.seriescare.scheduling.shared;

/** The record changed while this change was being made; nothing was saved. Answered with 409: try again. */
public class ConcurrentChange extends RuntimeException {

    public ConcurrentChange(String what, String id) {
        super(what + " '" + id + "' was changed by someone else at the same time; nothing was saved, please retry");
    }
}
