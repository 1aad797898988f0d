package com.seriescare.notification.events;

import com.seriescare.contracts.ClinicEvent;
import com.seriescare.contracts.scheduling.PatientRegistered;
import com.seriescare.contracts.scheduling.SeriesBooked;
import com.seriescare.contracts.scheduling.SessionScheduled;
import com.seriescare.notification.dispatch.OutgoingMessages;
import com.seriescare.notification.patients.PatientContact;
import com.seriescare.notification.patients.PatientContacts;
import com.seriescare.notification.planning.MessagePlanner;
import java.time.Clock;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What notification-service does with each scheduling event. Every step is idempotent: contact details are
 * replaced, and texts are planned under natural keys, so a redelivered event changes nothing.
 */
@Component
class SchedulingEvents {

    private static final Logger log = LoggerFactory.getLogger(SchedulingEvents.class);

    private final PatientContacts contacts;
    private final OutgoingMessages messages;
    private final Clock clock;

    SchedulingEvents(PatientContacts contacts, OutgoingMessages messages, Clock clock) {
        this.contacts = contacts;
        this.messages = messages;
        this.clock = clock;
    }

    void on(ClinicEvent event) {
        switch (event) {
            case PatientRegistered registered ->
                contacts.save(new PatientContact(
                        registered.patientId(),
                        registered.firstName(),
                        registered.mobilePhone(),
                        registered.preferredLanguage(),
                        registered.timeZone(),
                        registered.smsConsent().granted()));
            case SeriesBooked booked -> plan(MessagePlanner.confirmationFor(booked, clock.instant()));
            case SessionScheduled scheduled -> {
                ZoneId zone = contacts.find(scheduled.patientId())
                        .map(contact -> ZoneId.of(contact.timeZone()))
                        .orElse(ZoneId.of(scheduled.timeZone()));
                MessagePlanner.prepTipsFor(scheduled, zone, clock.instant()).ifPresent(this::plan);
            }
            default -> log.debug("Nothing to do for {}", event.type().ceType());
        }
    }

    private void plan(com.seriescare.notification.planning.PlannedMessage plan) {
        if (messages.plan(plan)) {
            log.info("Planned {} for patient {} due {}", plan.kind(), plan.patientId(), plan.dueAt());
        }
    }
}
