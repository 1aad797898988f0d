package com.seriescare.contracts.intake;

import com.seriescare.contracts.ClinicEvent;
import java.time.Instant;

/**
 * A session's pre-visit checklist is waiting for the patient. Published when the series is booked, and again (with a
 * new due time) when the session is moved.
 *
 * <p>It carries no link: a form link is a bearer secret and travels on {@code intake.form-links} ({@link
 * FormLinkIssued}), which only notification-service reads.
 *
 * @param dueAt when it should be complete
 */
public record ChecklistRequested(
        String patientId, String seriesId, String sessionId, String checklistId, Instant dueAt, Instant requestedAt)
        implements ClinicEvent {

    @Override
    public String subject() {
        return checklistId;
    }
}
