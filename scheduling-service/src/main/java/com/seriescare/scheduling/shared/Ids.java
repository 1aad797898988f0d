package com.seriescare.scheduling.shared;

import java.util.UUID;

/** Opaque, unguessable ids (random UUIDs): nothing about a patient or a sequence can be read from them. */
public final class Ids {

    private Ids() {}

    public static String next() {
        return UUID.randomUUID().toString();
    }
}
