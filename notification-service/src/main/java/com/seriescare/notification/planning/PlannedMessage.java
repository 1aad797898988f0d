package com.seriescare.notification.planning;

import java.time.Instant;
import java.util.List;

/**
 * A text to send at {@code dueAt}. {@code planKey} is its natural key (what it is for, which session and which
 * revision of it), so planning the same thing twice yields the same key and is stored once.
 *
 * @param sessionId the session it is about; null for a series-wide text
 * @param sessionRevision the revision of the session it was planned for; 0 for a series-wide text
 * @param sessionStarts the session starts the text mentions
 */
public record PlannedMessage(
        String planKey,
        MessageKind kind,
        String patientId,
        String seriesId,
        String sessionId,
        int sessionRevision,
        Instant dueAt,
        List<Instant> sessionStarts) {

    public PlannedMessage {
        sessionStarts = List.copyOf(sessionStarts);
    }
}
