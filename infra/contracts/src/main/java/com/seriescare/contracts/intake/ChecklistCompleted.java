package com.seriescare.contracts.intake;

import com.seriescare.contracts.ClinicEvent;
import java.time.Instant;

/**
 * A session's pre-visit checklist was completed.
 *
 * @param rideHomeConfirmed whether someone will drive the patient home (or the clinic arranges it)
 */
public record ChecklistCompleted(
        String patientId, String seriesId, String sessionId, boolean rideHomeConfirmed, Instant completedAt)
        implements ClinicEvent {

    @Override
    public String subject() {
        return sessionId;
    }
}
