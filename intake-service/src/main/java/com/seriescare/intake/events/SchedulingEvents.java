package com.seriescare.intake.events;

import com.seriescare.contracts.ClinicEvent;
import com.seriescare.contracts.scheduling.PatientContactChanged;
import com.seriescare.contracts.scheduling.PatientRegistered;
import com.seriescare.contracts.scheduling.SeriesBooked;
import com.seriescare.contracts.scheduling.SessionCancelled;
import com.seriescare.contracts.scheduling.SessionRescheduled;
import com.seriescare.contracts.scheduling.SessionScheduled;
import com.seriescare.intake.patients.PatientLanguages;
import com.seriescare.intake.requests.FormRequests;
import org.springframework.stereotype.Component;

/** What intake-service does with each scheduling event; every step is idempotent, so redeliveries change nothing. */
@Component
class SchedulingEvents {

    private final FormRequests requests;
    private final PatientLanguages languages;

    SchedulingEvents(FormRequests requests, PatientLanguages languages) {
        this.requests = requests;
        this.languages = languages;
    }

    void on(ClinicEvent event) {
        switch (event) {
            case PatientRegistered registered ->
                languages.record(registered.patientId(), registered.preferredLanguage());
            case PatientContactChanged changed -> languages.record(changed.patientId(), changed.preferredLanguage());
            case SeriesBooked booked -> requests.seriesBooked(booked);
            case SessionScheduled scheduled -> requests.sessionScheduled(scheduled);
            case SessionRescheduled moved -> requests.sessionMoved(moved);
            case SessionCancelled cancelled -> requests.sessionCancelled(cancelled);
            default -> {
                // check-ins, completions and the rest change no form: a link expires when its session starts
            }
        }
    }
}
