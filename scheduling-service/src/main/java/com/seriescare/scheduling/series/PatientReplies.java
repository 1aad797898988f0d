package com.seriescare.scheduling.series;

import com.seriescare.contracts.notification.SessionConfirmationReceived;
import org.springframework.stereotype.Component;

/** What patients told us by text that changes a session: for now, confirming they will come. */
@Component
public class PatientReplies {

    private final SeriesCatalog catalog;

    PatientReplies(SeriesCatalog catalog) {
        this.catalog = catalog;
    }

    public void on(SessionConfirmationReceived confirmation) {
        try {
            catalog.confirmByPatient(confirmation.seriesId(), confirmation.sessionId(), confirmation.receivedAt());
        } catch (IllegalTransition | com.seriescare.scheduling.shared.NotFound notConfirmable) {
            // a confirmation for a session that was cancelled or moved meanwhile: nothing to record
        }
    }
}
