package com.seriescare.contracts.intake;

import com.seriescare.contracts.ClinicEvent;
import java.time.Instant;

/** A session's pre-visit checklist was not complete when it was due. Published once per due time. */
public record ChecklistOverdue(
        String patientId, String seriesId, String sessionId, String checklistId, String link, Instant dueAt)
        implements ClinicEvent {

    @Override
    public String subject() {
        return checklistId;
    }
}
