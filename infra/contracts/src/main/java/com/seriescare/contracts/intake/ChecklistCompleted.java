package com.seriescare.contracts.intake;

import com.seriescare.contracts.ClinicEvent;
import java.time.Instant;

/**
 * A session's pre-visit checklist was completed.
 *
 * @param rideHomeConfirmed whether someone will drive the patient home (or the clinic arranges it)
 * @param completedBy {@code patient} on the form, else the front-desk user who took the answers by phone
 */
public record ChecklistCompleted(
        String patientId,
        String seriesId,
        String sessionId,
        boolean rideHomeConfirmed,
        Instant completedAt,
        String completedBy)
        implements ClinicEvent {

    @Override
    public String subject() {
        return sessionId;
    }
}
