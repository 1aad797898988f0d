package com.seriescare.contracts.care;

import com.seriescare.contracts.ClinicEvent;
import java.time.Instant;

/**
 * An urgent care alert went unacknowledged for the clinic's escalation time: the next clinician on the rota is being
 * paged, and every front-desk screen of the clinic shows the alert in red until someone acknowledges it.
 *
 * @param pagedName the on-call clinician now paged (a name from the rota; never a phone number)
 * @param round how many pages have gone out for the alert, this one included (2 for the first escalation)
 */
public record CareAlertEscalated(
        String patientId, String alertId, String clinicId, String pagedName, int round, Instant escalatedAt)
        implements ClinicEvent {

    @Override
    public String subject() {
        return alertId;
    }
}
