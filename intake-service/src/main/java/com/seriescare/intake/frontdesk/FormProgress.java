package com.seriescare.intake.frontdesk;

import com.seriescare.intake.forms.FormKind;
import com.seriescare.intake.forms.PatientForm;
import java.time.Instant;

/**
 * What everyone who may see a form sees of it, front desk and clinicians alike: which form, its status and deadlines,
 * and how it was completed. Written flat into either view.
 *
 * @param status requested, overdue, completed, flagged (completed, with answers a clinician must see) or closed
 * @param completedVia {@code form} (the patient, by the link) or {@code phone} (recorded by {@code completedBy})
 */
record FormProgress(
        String formId,
        String kind,
        String patientId,
        String seriesId,
        String sessionId,
        String status,
        Instant dueAt,
        Instant expiresAt,
        Instant requestedAt,
        Instant completedAt,
        String completedBy,
        String completedVia,
        Boolean rideHomeConfirmed) {

    static FormProgress of(PatientForm form) {
        var done = form.completion();
        return new FormProgress(
                form.id(),
                form.kind().code(),
                form.patientId(),
                form.seriesId(),
                form.sessionId(),
                form.displayStatus(),
                form.dueAt(),
                form.expiresAt(),
                form.requestedAt(),
                done == null ? null : done.completedAt(),
                done == null ? null : done.completedBy(),
                done == null ? null : done.via(),
                done == null || form.kind() != FormKind.CHECKLIST ? null : done.rideHomeConfirmed());
    }
}
