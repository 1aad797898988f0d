package com.seriescare.scheduling.series;

import java.time.Instant;
import java.util.List;

/** A patient's series of sessions, in the order they take place. */
public record Series(String id, String patientId, String clinicId, List<Session> sessions, Instant bookedAt) {

    public Series {
        sessions = List.copyOf(sessions);
    }
}
