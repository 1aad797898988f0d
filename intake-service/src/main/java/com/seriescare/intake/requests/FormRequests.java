package com.seriescare.intake.requests;

import com.seriescare.contracts.ClinicEvent;
import com.seriescare.contracts.scheduling.BookedSession;
import com.seriescare.contracts.scheduling.SeriesBooked;
import com.seriescare.contracts.scheduling.SessionEvent;
import com.seriescare.intake.clinics.Clinics;
import com.seriescare.intake.forms.FormEvents;
import com.seriescare.intake.forms.FormStatus;
import com.seriescare.intake.forms.LinkTokens;
import com.seriescare.intake.forms.PatientForm;
import com.seriescare.intake.store.FormLinks;
import com.seriescare.intake.store.PatientForms;
import com.seriescare.intake.store.PatientForms.Snapshot;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Keeps the forms in step with the bookings: an intake per series and a checklist per session when booked; a moved
 * session moves its checklist (and the intake, when the first session moves); a cancelled one closes its checklist.
 * Every step is idempotent, so a replayed or redelivered event changes nothing.
 */
@Service
public class FormRequests {

    private static final Logger log = LoggerFactory.getLogger(FormRequests.class);

    private final PatientForms forms;
    private final Clinics clinics;
    private final FormLinks links;
    private final Clock clock;

    FormRequests(PatientForms forms, Clinics clinics, FormLinks links, Clock clock) {
        this.forms = forms;
        this.clinics = clinics;
        this.links = links;
        this.clock = clock;
    }

    public void seriesBooked(SeriesBooked booked) {
        Instant now = clock.instant();
        var clinic = clinics.byId(booked.clinicId());
        BookedSession first = booked.sessions().stream()
                .min(Comparator.comparing(BookedSession::start))
                .orElseThrow(() -> new IllegalArgumentException("A series without sessions"));
        request(PatientForm.intake(
                LinkTokens.newFormId(),
                booked.patientId(),
                booked.clinicId(),
                booked.seriesId(),
                first.start(),
                clinic.intakeDueBefore(),
                now));
        for (BookedSession session : booked.sessions()) {
            request(PatientForm.checklist(
                    LinkTokens.newFormId(),
                    booked.patientId(),
                    booked.clinicId(),
                    booked.seriesId(),
                    session.sessionId(),
                    session.start(),
                    0,
                    clinic.checklistDueBefore(),
                    now));
        }
    }

    /** A session that appears without its series' booking (added later) gets its checklist too. */
    public void sessionScheduled(SessionEvent session) {
        request(PatientForm.checklist(
                LinkTokens.newFormId(),
                session.patientId(),
                session.clinicId(),
                session.seriesId(),
                session.sessionId(),
                session.start(),
                session.revision(),
                clinics.byId(session.clinicId()).checklistDueBefore(),
                clock.instant()));
    }

    /** The checklist follows the session; an open one gets a fresh link with its new deadline, for a new text. */
    public void sessionMoved(SessionEvent session) {
        Instant now = clock.instant();
        Optional<Snapshot> found = forms.checklistOf(session.sessionId());
        if (found.isEmpty() || found.get().form().sessionRevision() >= session.revision()) {
            return; // not ours, or this change (or a later one) is already applied
        }
        Snapshot checklist = found.get();
        PatientForm moved = checklist
                .form()
                .movedTo(
                        session.start(),
                        session.revision(),
                        clinics.byId(session.clinicId()).checklistDueBefore(),
                        now);
        String token = null;
        List<ClinicEvent> events = List.of();
        if (moved.status().isOpen() && !moved.dueAt().equals(checklist.form().dueAt())) {
            token = LinkTokens.newToken();
            events = FormEvents.requested(moved, links.link(moved.id(), token), clock.instant());
        }
        if (forms.change(checklist, moved, token, events)) {
            log.info("Checklist {} follows its session to {}", moved.id(), moved.sessionStart());
        }
        followFirstSession(session.seriesId(), session.clinicId());
    }

    public void sessionCancelled(SessionEvent session) {
        forms.checklistOf(session.sessionId())
                .filter(checklist -> checklist.form().status().isOpen())
                .ifPresent(checklist -> forms.change(checklist, checklist.form().closed(), null, List.of()));
        followFirstSession(session.seriesId(), session.clinicId());
    }

    /** The intake is due before the series' first session that still takes place; none left: nothing is owed. */
    private void followFirstSession(String seriesId, String clinicId) {
        Optional<Snapshot> found = forms.intakeOf(seriesId);
        if (found.isEmpty() || !found.get().form().status().isOpen()) {
            return;
        }
        Snapshot intake = found.get();
        Optional<Instant> firstStart = forms.checklistsOf(seriesId).stream()
                .filter(checklist -> checklist.status() != FormStatus.CLOSED)
                .map(PatientForm::sessionStart)
                .min(Comparator.naturalOrder());
        if (firstStart.isEmpty()) {
            forms.change(intake, intake.form().closed(), null, List.of());
        } else if (!firstStart.get().equals(intake.form().sessionStart())) {
            forms.change(
                    intake,
                    intake.form()
                            .movedTo(firstStart.get(), 0, clinics.byId(clinicId).intakeDueBefore(), clock.instant()),
                    null,
                    List.of());
        }
    }

    private void request(PatientForm form) {
        String token = LinkTokens.newToken();
        if (forms.create(form, token, FormEvents.requested(form, links.link(form.id(), token), clock.instant()))) {
            log.info("{} {} requested for series {}", form.kind(), form.id(), form.seriesId());
        }
    }
}
