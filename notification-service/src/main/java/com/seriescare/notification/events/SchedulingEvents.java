package com.seriescare.notification.events;

import com.seriescare.contracts.ClinicEvent;
import com.seriescare.contracts.care.CareAlertAcknowledged;
import com.seriescare.contracts.care.CareAlertRaised;
import com.seriescare.contracts.clinic.ClinicSettingsPublished;
import com.seriescare.contracts.intake.FormLinkIssued;
import com.seriescare.contracts.scheduling.PatientContactChanged;
import com.seriescare.contracts.scheduling.PatientRegistered;
import com.seriescare.contracts.scheduling.SeriesBooked;
import com.seriescare.contracts.scheduling.SessionCancelled;
import com.seriescare.contracts.scheduling.SessionCheckedIn;
import com.seriescare.contracts.scheduling.SessionCompleted;
import com.seriescare.contracts.scheduling.SessionEvent;
import com.seriescare.contracts.scheduling.SessionMissed;
import com.seriescare.contracts.scheduling.SessionRescheduled;
import com.seriescare.contracts.scheduling.SessionScheduled;
import com.seriescare.contracts.scheduling.SmsConsentChanged;
import com.seriescare.notification.clinic.Clinic;
import com.seriescare.notification.clinic.ClinicDirectory;
import com.seriescare.notification.consent.TextingConsent;
import com.seriescare.notification.dispatch.OutgoingMessages;
import com.seriescare.notification.paging.Paging;
import com.seriescare.notification.patients.PatientContact;
import com.seriescare.notification.patients.PatientContacts;
import com.seriescare.notification.planning.MessageKind;
import com.seriescare.notification.planning.MessagePlanner;
import com.seriescare.notification.planning.MessageRules;
import com.seriescare.notification.planning.PlannedMessage;
import com.seriescare.notification.planning.QuietHours;
import com.seriescare.notification.sessions.SessionView;
import com.seriescare.notification.sessions.SessionViews;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
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
    private final TextingConsent consent;
    private final SessionViews sessions;
    private final OutgoingMessages messages;
    private final QuietHours quietHours;
    private final MessageRules rules;
    private final ClinicDirectory clinics;
    private final Paging paging;
    private final Clock clock;

    SchedulingEvents(
            PatientContacts contacts,
            TextingConsent consent,
            SessionViews sessions,
            OutgoingMessages messages,
            QuietHours quietHours,
            MessageRules rules,
            ClinicDirectory clinics,
            Paging paging,
            Clock clock) {
        this.contacts = contacts;
        this.consent = consent;
        this.sessions = sessions;
        this.messages = messages;
        this.quietHours = quietHours;
        this.rules = rules;
        this.clinics = clinics;
        this.paging = paging;
        this.clock = clock;
    }

    void on(ClinicEvent event) {
        switch (event) {
            case ClinicSettingsPublished settings -> clinics.apply(settings);
            // an urgent alert from anywhere (intake's safety answers; our own come back here too, and page once)
            case CareAlertRaised alert
            when alert.severity().equals("urgent") ->
                paging.raise(
                        alert.alertId(),
                        alert.clinicId() != null
                                ? alert.clinicId()
                                : contacts.find(alert.patientId())
                                        .map(PatientContact::clinicId)
                                        .orElse(null),
                        alert.patientId(),
                        alert.raisedAt());
            case CareAlertAcknowledged ack
            when ack.via().equals(CareAlertAcknowledged.WEB) ->
                paging.acknowledged(ack.alertId(), ack.acknowledgedBy(), ack.acknowledgedAt());
            case PatientRegistered registered -> {
                if (patientRecordIsNewer(registered.patientId(), registered.patientRevision())) {
                    consent.recordedByFrontDesk(registered.patientId(), registered.smsConsent());
                    contactArrived(new PatientContact(
                            registered.patientId(),
                            registered.firstName(),
                            registered.mobilePhone(),
                            registered.preferredLanguage(),
                            registered.timeZone(),
                            registered.smsConsent().granted(),
                            null,
                            registered.clinicId()));
                    contacts.applied(registered.patientId(), registered.patientRevision());
                }
            }
            case PatientContactChanged changed -> {
                if (patientRecordIsNewer(changed.patientId(), changed.patientRevision())) {
                    contactArrived(new PatientContact(
                            changed.patientId(),
                            changed.firstName(),
                            changed.mobilePhone(),
                            changed.preferredLanguage(),
                            changed.timeZone(),
                            // consent is not part of contact details: keep what is known, never assume it
                            contacts.find(changed.patientId())
                                    .map(PatientContact::smsConsent)
                                    .orElse(false),
                            null,
                            changed.clinicId()));
                    contacts.applied(changed.patientId(), changed.patientRevision());
                }
            }
            case SmsConsentChanged changed -> {
                if (patientRecordIsNewer(changed.patientId(), changed.patientRevision())) {
                    consent.recordedByFrontDesk(changed.patientId(), changed.smsConsent());
                    contacts.applied(changed.patientId(), changed.patientRevision());
                }
            }
            case SeriesBooked booked ->
                plan(
                        MessagePlanner.confirmationFor(booked, clock.instant()),
                        booked.sessions().isEmpty()
                                ? clinics.find(booked.clinicId())
                                        .map(Clinic::timeZone)
                                        .orElseGet(() -> clinicZoneOf(booked.patientId()))
                                : ZoneId.of(booked.sessions().getFirst().timeZone()));
            case SessionScheduled scheduled -> {
                sessions.record(SessionView.of(scheduled));
                // a form link that came ahead of its booking waits for it: it goes now
                messages.endWaits(scheduled.patientId(), clock.instant());
                planBeforeSession(scheduled);
            }
            case SessionRescheduled moved -> {
                if (sessions.record(SessionView.of(moved))) {
                    messages.cancelPending(moved.sessionId(), moved.revision(), "the session was moved");
                    plan(MessagePlanner.movedNotice(moved, clock.instant()), ZoneId.of(moved.timeZone()));
                    planBeforeSession(moved);
                }
            }
            case SessionCancelled cancelled -> {
                sessions.record(SessionView.of(cancelled));
                messages.cancelPending(cancelled.sessionId(), Integer.MAX_VALUE, "the session was cancelled");
                MessagePlanner.cancelledNotice(cancelled, clock.instant())
                        .ifPresent(notice -> plan(notice, ZoneId.of(cancelled.timeZone())));
            }
            case SessionCheckedIn arrived -> {
                sessions.record(SessionView.of(arrived));
                messages.cancelPending(arrived.sessionId(), Integer.MAX_VALUE, "the patient has checked in");
            }
            case SessionMissed missed -> {
                sessions.record(SessionView.of(missed));
                messages.cancelPending(missed.sessionId(), Integer.MAX_VALUE, "the patient missed the session");
            }
            case SessionCompleted done -> {
                sessions.record(SessionView.of(done));
                ZoneId clinicZone = ZoneId.of(done.timeZone());
                Optional<PatientContact> contact = contacts.find(done.patientId());
                MessagePlanner.afterSession(done, zoneOf(contact, clinicZone), rulesOf(done.clinicId()))
                        .forEach(text -> plan(text, clinicZone, contact));
            }
            // intake's links name no zone: the clinic's, until the patient's own is known
            case FormLinkIssued issued -> {
                var text = MessagePlanner.formLink(issued, clock.instant());
                if (text.kind() == MessageKind.CHECKLIST_LINK) {
                    messages.supersedeChecklistLink(issued.sessionId(), text.planKey());
                }
                plan(
                        text,
                        clinics.find(issued.clinicId())
                                .map(Clinic::timeZone)
                                .orElseGet(() -> clinicZoneOf(issued.patientId())));
            }
            default -> log.debug("Nothing to do for {}", event.type().ceType());
        }
    }

    /**
     * Whether an event about the patient's record is at least as new as what has been applied. Two replicas of
     * scheduling-service may publish one patient's changes out of order, and a change may be delivered again: an
     * older one must never undo a newer (consent withdrawn, then granted by a late event). Equal is applied again,
     * which changes nothing.
     */
    private boolean patientRecordIsNewer(String patientId, long patientRevision) {
        if (contacts.isOutdated(patientId, patientRevision)) {
            log.info("Ignoring revision {} of patient {}: a newer one has been applied", patientRevision, patientId);
            return false;
        }
        return true;
    }

    /** Keeps the patient's details, then re-times what waits for them in their own zone. */
    private void contactArrived(PatientContact contact) {
        consent.contactArrived(contact);
        int moved = messages.retimeForZone(
                contact.patientId(), ZoneId.of(contact.timeZone()), quietHoursOf(contact.clinicId()), clock.instant());
        if (moved > 0) {
            log.info("Re-timed {} text(s) for patient {} in their zone", moved, contact.patientId());
        }
        // texts that came ahead of the patient's details wait for them: due now rather than at their next retry (after
        // the re-timing: one that now falls in the patient's quiet hours waits for the morning instead)
        messages.endWaits(contact.patientId(), clock.instant());
    }

    /** The texts that prepare the patient for a session: tips the evening before and a reminder that day. */
    private void planBeforeSession(SessionEvent scheduled) {
        ZoneId clinicZone = ZoneId.of(scheduled.timeZone());
        // the patient's details once for all of the session's texts (they were read once per text, and once more)
        Optional<PatientContact> contact = contacts.find(scheduled.patientId());
        MessagePlanner.beforeSession(
                        scheduled,
                        zoneOf(contact, clinicZone),
                        clock.instant(),
                        rulesOf(scheduled.clinicId()),
                        quietHoursOf(scheduled.clinicId()))
                .forEach(text -> plan(text, clinicZone, contact));
    }

    /**
     * The clinic's quiet hours; the deployment's ({@code seriescare.quiet-hours}) until the clinic's settings are known
     * (the dispatcher checks the clinic's again before sending).
     */
    /** The clinic's timing of texts, as its admin set it; the deployment's otherwise. */
    private MessageRules rulesOf(String clinicId) {
        return clinics.find(clinicId).map(clinic -> clinic.rulesOr(rules)).orElse(rules);
    }

    private QuietHours quietHoursOf(String clinicId) {
        return clinics.find(clinicId).map(Clinic::quietHours).orElse(quietHours);
    }

    /**
     * The zone of the patient's clinic, for a text whose event names none; UTC while neither is known (the text is
     * re-timed in the patient's zone when their details arrive, and quiet hours are checked again before sending).
     */
    private ZoneId clinicZoneOf(String patientId) {
        return contacts.find(patientId)
                .flatMap(contact -> clinics.find(contact.clinicId()))
                .map(Clinic::timeZone)
                .orElse(java.time.ZoneOffset.UTC);
    }

    /** The patient's own zone; the clinic's until the patient's details are known. */
    private static ZoneId zoneOf(Optional<PatientContact> contact, ZoneId clinicZone) {
        return contact.map(known -> ZoneId.of(known.timeZone())).orElse(clinicZone);
    }

    /**
     * Plans a text, moved out of the patient's quiet hours (in the clinic's zone until the patient's is known; it is
     * re-timed when that arrives), never past the session it prepares for, and never to another day when its words
     * name the day.
     */
    private void plan(PlannedMessage plan, ZoneId clinicZone) {
        plan(plan, clinicZone, contacts.find(plan.patientId()));
    }

    /** As above, with the patient's details already read for the event ({@code contact}). */
    private void plan(PlannedMessage plan, ZoneId clinicZone, Optional<PatientContact> contact) {
        ZoneId zone = zoneOf(contact, clinicZone);
        String clinicId = plan.clinicId() != null
                ? plan.clinicId()
                : contact.map(PatientContact::clinicId).orElse(null);
        Optional<Instant> notAfter =
                plan.kind().beforeSession() ? Optional.of(plan.sessionStarts().getFirst()) : Optional.empty();
        Optional<Instant> due = quietHoursOf(clinicId).adjust(plan.dueAt(), zone, clock.instant(), notAfter);
        if (due.isPresent()
                && plan.kind().namesItsDay()
                && !due.get()
                        .atZone(zone)
                        .toLocalDate()
                        .equals(plan.dueAt().atZone(zone).toLocalDate())) {
            due = Optional.empty();
        }
        if (due.isEmpty()) {
            log.info(
                    "Not planning {} for patient {}: quiet hours leave no time for it on its day",
                    plan.kind(),
                    plan.patientId());
            return;
        }
        if (messages.plan(plan, due.get())) {
            log.info("Planned {} for patient {} due {}", plan.kind(), plan.patientId(), due.get());
        }
    }
}
