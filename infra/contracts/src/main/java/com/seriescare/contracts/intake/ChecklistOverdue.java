package com.seriescare.contracts.intake;

import com.seriescare.contracts.ClinicEvent;
import java.time.Instant;

/**
 * A session's pre-visit checklist was not complete when it was due. Published once per due time.
 *
 * <p>It carries no link: a form link is a bearer secret and travels on {@code intake.form-links} ({@link
 * FormLinkIssued}), which only notification-service reads.
 */
public record ChecklistOverdue(String patientId, String seriesId, String sessionId, String checklistId, Instant dueAt)
        implements ClinicEvent {

    @Override
    public String subject() {
        return checklistId;
    }
}
