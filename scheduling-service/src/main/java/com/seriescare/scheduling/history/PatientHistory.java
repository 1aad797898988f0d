package com.seriescare.scheduling.history;

import com.seriescare.scheduling.patients.Patients;
import com.seriescare.servicesupport.audit.AuditTrail;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Who did what to a patient's record, in the front desk's words: booked, moved, cancelled, changed consent or contact,
 * checked in. From this service's audit trail; only for a patient of the caller's clinic.
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
            Map.entry("clinic.session.confirmed.v1", "Session confirmed"));

    private final AuditTrail audit;
    private final Patients patients;

    PatientHistory(AuditTrail audit, Patients patients) {
        this.audit = audit;
        this.patients = patients;
    }

    public List<Line> of(String patientId) {
        patients.get(patientId); // another clinic's patient is as absent as one that does not exist
        return audit.of(patientId).stream()
                .map(entry -> new Line(entry.at(), wordsFor(entry.what()), entry.subject(), entry.actor()))
                .toList();
    }

    static String wordsFor(String what) {
        if (what.startsWith("viewed:")) {
            return "Viewed " + what.substring("viewed:".length());
        }
        return WORDS.getOrDefault(what, what);
    }
}
