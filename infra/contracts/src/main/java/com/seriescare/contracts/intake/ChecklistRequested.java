package com.seriescare.contracts.intake;

import com.seriescare.contracts.ClinicEvent;
import java.time.Instant;

/**
 * A session's pre-visit checklist is waiting for the patient. Published when the series is booked, and again (with a
 * fresh link and the new due time) when the session is moved.
 *
 * @param link the patient's personal link to the form (its path says nothing about the treatment)
 * @param dueAt when it should be complete
 */
public record ChecklistRequested(
        String patientId,
        String seriesId,
        String sessionId,
        String checklistId,
        String link,
        Instant dueAt,
        Instant requestedAt)
        implements ClinicEvent {

    @Override
    public String subject() {
        return checklistId;
    }
}
