package com.seriescare.contracts.scheduling;

import com.seriescare.contracts.ClinicEvent;
import java.time.Instant;
import java.util.List;

/**
 * A series of sessions was booked for a patient. Published once per series, before the
 * {@link SessionScheduled} event of each of its sessions.
 */
public record SeriesBooked(
        String patientId, String seriesId, String clinicId, List<BookedSession> sessions, Instant bookedAt)
        implements ClinicEvent {

    public SeriesBooked {
        sessions = List.copyOf(sessions);
    }

    @Override
    public String subject() {
        return seriesId;
    }
}
