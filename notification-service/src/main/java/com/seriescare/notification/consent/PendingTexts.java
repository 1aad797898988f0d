package com.seriescare.notification.consent;

/** The texts waiting to go out, as consent sees them: withdrawn consent stops all of a patient's pending texts. */
public interface PendingTexts {

    /** Cancels every text of the patient that has not started going out, saying why. */
    int cancelPendingForPatient(String patientId, String reason);
}
