package com.seriescare.scheduling.history;

import com.seriescare.contracts.ClinicEvent;
import com.seriescare.contracts.CloudEventHeaders;
import com.seriescare.contracts.EventType;
import com.seriescare.contracts.intake.FormAnswersViewed;
import com.seriescare.scheduling.patients.Patients;
import com.seriescare.servicesupport.audit.AuditTrail;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Who did what to a patient's record, in the front desk's words: booked, moved, cancelled, changed consent or contact,
 * checked in; and, learned from intake-service's events, a form sent, answers looked at or reviewed. From this
 * service's audit trail; only for a patient of the caller's clinic.
 */
@Component
public class PatientHistory {

    /** One line of the history. */
    public record Line(Instant at, String what, String subject, String by) {}

    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("clinic.patient.registered.v1", "Registered"),
            Map.entry("clinic.patient.contact-changed.v1", "Contact details changed"),
            Map.entry("clinic.patient.sms-consent-changed.v1", "Consent to texts changed"),
            Map.entry("clinic.series.booked.v1", "Series booked"),
            Map.entry("clinic.session.scheduled.v1", "Session booked"),
            Map.entry("clinic.session.rescheduled.v1", "Session moved"),
            Map.entry("clinic.session.cancelled.v1", "Session cancelled"),
            Map.entry("clinic.session.checked-in.v1", "Checked in"),
            Map.entry("clinic.session.completed.v1", "Session completed"),
            Map.entry("clinic.session.missed.v1", "Marked as no-show"),
            Map.entry("clinic.session.confirmed.v1", "Session confirmed"),
            Map.entry(EventType.INTAKE_COMPLETED.ceType(), "Intake form sent"),
            Map.entry(EventType.CHECKLIST_COMPLETED.ceType(), "Pre-session checklist sent"),
            Map.entry(EventType.INTAKE_REVIEWED.ceType(), "Flagged answers reviewed"),
            Map.entry(viewed("intake", FormAnswersViewed.ALL), "Viewed the intake answers"),
            Map.entry(viewed("checklist", FormAnswersViewed.ALL), "Viewed the checklist answers"),
            Map.entry(viewed("intake", FormAnswersViewed.LOGISTICS), "Viewed the intake's emergency contact"),
            Map.entry(viewed("checklist", FormAnswersViewed.LOGISTICS), "Viewed the checklist's ride home"));

    /** What other services do to a patient's record that belongs in the history here. */
    private static final Set<EventType> LEARNED = EnumSet.of(
            EventType.INTAKE_COMPLETED,
            EventType.CHECKLIST_COMPLETED,
            EventType.INTAKE_REVIEWED,
            EventType.FORM_ANSWERS_VIEWED);

    private final AuditTrail audit;
    private final Patients patients;

    PatientHistory(AuditTrail audit, Patients patients) {
        this.audit = audit;
        this.patients = patients;
    }

    /**
     * Enters what another service did to a patient's record (a form sent, answers looked at or reviewed), with who
     * did it as its event says ({@code ce_actor}); once per event, however often it is delivered. Other events are
     * not history here.
     */
    public void learn(ClinicEvent event, CloudEventHeaders attributes) {
        if (!LEARNED.contains(event.type())) {
            return;
        }
        String what = event instanceof FormAnswersViewed look
                ? viewed(look.form(), look.part())
                : event.type().ceType();
        audit.recordLearned(
                attributes.id(), event.patientId(), what, event.subject(), attributes.actor(), at(attributes));
    }

    private static String viewed(String form, String part) {
        return "viewed:" + form + " " + part;
    }

    private static Instant at(CloudEventHeaders attributes) {
        try {
            return attributes.time() == null
                    ? null
                    : OffsetDateTime.parse(attributes.time()).toInstant();
        } catch (DateTimeParseException unreadable) {
            return null; // recorded at the time it was learned
        }
    }

    public List<Line> of(String patientId) {
        patients.get(patientId); // another clinic's patient is as absent as one that does not exist
        return audit.of(patientId).stream()
                .map(entry -> new Line(entry.at(), wordsFor(entry.what()), entry.subject(), entry.actor()))
                .toList();
    }

    static String wordsFor(String what) {
        String words = WORDS.get(what);
        if (words != null) {
            return words;
        }
        return what.startsWith("viewed:") ? "Viewed " + what.substring("viewed:".length()) : what;
    }
}
