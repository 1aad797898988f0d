package com.seriescare.contracts.notification;

import com.seriescare.contracts.ClinicEvent;
import java.time.Instant;

/**
 * A patient texted us. {@code needsHuman} means someone at the clinic must read and handle it (a reschedule
 * request, a crisis, anything we do not understand). What the patient wrote is health data and is not here: it goes
 * to the clinic's inbox alone, as {@link com.seriescare.contracts.care.PatientWordsRecorded} about this inboundId.
 *
 * @param patientId the patient whose phone sent it; {@code unknown-sender} when no patient has that number
 * @param intent what we read in it: crisis, stop, start, help, confirm, reschedule, mood or other
 * @param fromPhoneLast4 the last four digits of the sending phone, to tell family members sharing a phone apart
 * @param clinicId the clinic whose number was texted: the one whose inbox shows a reply from an unknown number; null
 *     in events published before replies were attributed to a clinic
 */
public record InboundMessageReceived(
        String patientId,
        String inboundId,
        String intent,
        boolean needsHuman,
        String fromPhoneLast4,
        Instant receivedAt,
        String clinicId)
        implements ClinicEvent {

    public InboundMessageReceived(
            String patientId,
            String inboundId,
            String intent,
            boolean needsHuman,
            String fromPhoneLast4,
            Instant receivedAt) {
        this(patientId, inboundId, intent, needsHuman, fromPhoneLast4, receivedAt, null);
    }

    public static final String UNKNOWN_SENDER = "unknown-sender";

    @Override
    public String subject() {
        return inboundId;
    }
}
