package com.seriescare.scheduling.series;

import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

/** A patient's series of sessions, in the order they take place. */
public record Series(
        String id, String patientId, String clinicId, String treatmentPlan, List<Session> sessions, Instant bookedAt) {

    public Series {
        sessions = List.copyOf(sessions);
    }

    Session session(String sessionId) {
        return sessions.stream()
                .filter(session -> session.id().equals(sessionId))
                .findFirst()
                .orElseThrow(() -> new com.seriescare.scheduling.shared.NotFound("Session", sessionId));
    }

    Series withSession(String sessionId, UnaryOperator<Session> change) {
        return new Series(
                id,
                patientId,
                clinicId,
                treatmentPlan,
                sessions.stream()
                        .map(session -> session.id().equals(sessionId) ? change.apply(session) : session)
                        .toList(),
                bookedAt);
    }
}
