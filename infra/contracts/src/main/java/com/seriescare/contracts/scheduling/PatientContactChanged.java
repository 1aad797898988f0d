package com.seriescare.contracts.scheduling;

import com.seriescare.contracts.ClinicEvent;
import java.time.Instant;

/** A patient's contact details changed. Carries all of them as they are now (not only what changed). */
public record PatientContactChanged(
        String patientId,
        String clinicId,
        String firstName,
        String lastName,
        String mobilePhone,
        String preferredLanguage,
        String timeZone,
        Instant changedAt,
        long patientRevision)
        implements ClinicEvent {

    @Override
    public String subject() {
        return patientId;
    }
}
