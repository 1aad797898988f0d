package com.seriescare.contracts.intake;

import com.seriescare.contracts.ClinicEvent;
import java.time.Instant;

/**
 * Someone looked at a patient's answers to a form: who, when and which answers, never the answers themselves. The
 * patient's history names every look at their answers (the front desk's page, compliance reports of who accessed
 * health information).
 *
 * @param sessionId the session of a checklist; null for the series' intake
 * @param form {@code intake} or {@code checklist}
 * @param part {@code all} (a clinician read every answer) or {@code logistics} (the front desk's part: the ride
 *     home, the meal and water, the emergency contact)
 * @param viewedBy the user who looked
 */
public record FormAnswersViewed(
        String patientId,
        String seriesId,
        String sessionId,
        String formId,
        String form,
        String part,
        String viewedBy,
        Instant viewedAt)
        implements ClinicEvent {

    public static final String ALL = "all";
    public static final String LOGISTICS = "logistics";

    @Override
    public String subject() {
        return formId;
    }
}
