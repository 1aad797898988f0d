package com.seriescare.contracts.care;

import com.seriescare.contracts.ClinicEvent;
import java.time.Instant;

/**
 * What a patient wrote (a reply) or answered (a safety question, a mood), for the clinic's own staff: the words behind
 * an {@code InboundMessageReceived} or a {@code CareAlertRaised}, which carry none. Published on
 * {@code care.patient-words}, a topic only scheduling-service (the clinic's inbox) reads; integrations never do.
 *
 * @param about the reply's inboundId or the alert's alertId the words belong to
 * @param words the patient's words, as they came
 */
public record PatientWordsRecorded(String patientId, String about, String words, Instant recordedAt)
        implements ClinicEvent {

    @Override
    public String subject() {
        return about;
    }
}
