package com.seriescare.contracts.intake;

import com.seriescare.contracts.ClinicEvent;
import java.time.Instant;

/**
 * A patient's personal link to a form was issued, to be texted. The link is a bearer secret: this event travels on
 * {@code intake.form-links}, which only notification-service reads, never on {@code intake.events}. A fresh link for
 * a form revokes its older ones.
 *
 * @param sessionId the session of a checklist; null for the intake questionnaire
 * @param form {@code intake} or {@code checklist}
 * @param occasion {@code requested} (the form is waiting) or {@code overdue} (a reminder)
 * @param dueAt when the form should be complete
 * @param clinicId the patient's clinic, whose name and number the text carries; null in links issued before it was
 *     added
 */
public record FormLinkIssued(
        String patientId,
        String seriesId,
        String sessionId,
        String formId,
        String form,
        String occasion,
        String link,
        Instant dueAt,
        Instant issuedAt,
        String clinicId)
        implements ClinicEvent {

    public FormLinkIssued(
            String patientId,
            String seriesId,
            String sessionId,
            String formId,
            String form,
            String occasion,
            String link,
            Instant dueAt,
            Instant issuedAt) {
        this(patientId, seriesId, sessionId, formId, form, occasion, link, dueAt, issuedAt, null);
    }

    public static final String INTAKE = "intake";
    public static final String CHECKLIST = "checklist";
    public static final String REQUESTED = "requested";
    public static final String OVERDUE = "overdue";

    @Override
    public String subject() {
        return formId;
    }
}
