package com.seriescare.notification.sessions;

import com.seriescare.contracts.scheduling.AppointmentStatus;
import com.seriescare.contracts.scheduling.SessionEvent;
import java.time.Instant;

/** What notification-service knows of a session, from scheduling events: enough to re-check a text before sending. */
public record SessionView(
        String sessionId,
        String patientId,
        String seriesId,
        int sequence,
        int sessionCount,
        Instant start,
        int revision,
        AppointmentStatus status) {

    /** The session as any session event describes it after its change. */
    public static SessionView of(SessionEvent event) {
        return new SessionView(
                event.sessionId(),
                event.patientId(),
                event.seriesId(),
                event.sequence(),
                event.sessionCount(),
                event.start(),
                event.revision(),
                event.status());
    }

    /** Still going to happen (or happening): texts about it may go out. */
    public boolean upcoming() {
        return status == AppointmentStatus.booked || status == AppointmentStatus.arrived;
    }
}
