package com.seriescare.contracts.care;

import com.seriescare.contracts.ClinicEvent;
import java.time.Instant;

/**
 * A clinician has an urgent care alert in hand: paging stops. Published by notification-service when the paged
 * clinician replies ACK, and by scheduling-service when a clinician acknowledges it in the web app.
 *
 * @param acknowledgedBy who: the on-call clinician's name from the rota, or the web app user
 * @param via {@code sms} or {@code web}
 */
public record CareAlertAcknowledged(
        String patientId, String alertId, String clinicId, String acknowledgedBy, String via, Instant acknowledgedAt)
        implements ClinicEvent {

    public static final String SMS = "sms";
    public static final String WEB = "web";

    @Override
    public String subject() {
        return alertId;
    }
}
