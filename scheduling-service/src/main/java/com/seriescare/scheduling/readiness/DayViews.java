package com.seriescare.scheduling.readiness;

import com.seriescare.scheduling.clinic.Clinic;
import com.seriescare.scheduling.clinic.Clinics;
import com.seriescare.scheduling.patients.Patient;
import com.seriescare.scheduling.patients.Patients;
import com.seriescare.scheduling.readiness.ReadinessProjection.SeriesFacts;
import com.seriescare.scheduling.readiness.ReadinessProjection.SessionFacts;
import com.seriescare.scheduling.series.Series;
import com.seriescare.scheduling.series.SeriesCalendar;
import com.seriescare.scheduling.series.Session;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** The clinic's sessions of one local day, each with what is known about the patient's readiness. */
@Service
public class DayViews {

    private final SeriesCalendar calendar;
    private final ReadinessProjection readiness;
    private final Patients patients;
    private final Clinics clinics;

    DayViews(SeriesCalendar calendar, ReadinessProjection readiness, Patients patients, Clinics clinics) {
        this.calendar = calendar;
        this.readiness = readiness;
        this.patients = patients;
        this.clinics = clinics;
    }

    public DayView day(String clinicId, LocalDate date) {
        Clinic clinic = clinics.get(clinicId);
        Instant from = date.atStartOfDay(clinic.timeZone()).toInstant();
        Instant to = date.plusDays(1).atStartOfDay(clinic.timeZone()).toInstant();
        List<Series> seriesOfDay = calendar.withSessionsStartingBetween(clinic.id(), from, to);
        Map<String, SeriesFacts> seriesFacts =
                readiness.seriesFacts(seriesOfDay.stream().map(Series::id).toList());
        List<String> sessionIds = seriesOfDay.stream()
                .flatMap(series -> series.sessions().stream())
                .map(Session::id)
                .toList();
        Map<String, SessionFacts> sessionFacts = readiness.sessionFacts(sessionIds);

        List<DaySession> sessions = seriesOfDay.stream()
                .flatMap(series -> series.sessions().stream()
                        .filter(s -> !s.start().isBefore(from) && s.start().isBefore(to))
                        .map(s -> DaySession.of(
                                series,
                                s,
                                patients.find(series.patientId()).orElse(null),
                                seriesFacts.getOrDefault(series.id(), ReadinessProjection.emptySeries(series.id())),
                                sessionFacts.getOrDefault(s.id(), ReadinessProjection.emptySession(s.id())))))
                .sorted(Comparator.comparing(DaySession::start))
                .toList();
        return new DayView(date, clinic.id(), clinic.timeZone().getId(), sessions);
    }

    public record DayView(LocalDate date, String clinicId, String timeZone, List<DaySession> sessions) {}

    /**
     * @param ready every check passed: intake and checklist complete, ride home confirmed, confirmed by the patient
     */
    public record DaySession(
            String sessionId,
            String seriesId,
            String patientId,
            String patientName,
            int sequence,
            int sessionCount,
            Instant start,
            LocalDateTime localStart,
            Instant end,
            String status,
            Readiness readiness,
            boolean ready) {

        static DaySession of(
                Series series, Session s, Patient patient, SeriesFacts seriesFacts, SessionFacts sessionFacts) {
            LastText lastText = LastText.newer(seriesFacts.lastText(), sessionFacts.lastText());
            var readiness = new Readiness(
                    seriesFacts.intakeCompletedAt() != null,
                    sessionFacts.checklistCompletedAt() != null,
                    Boolean.TRUE.equals(sessionFacts.rideHomeConfirmed()),
                    s.confirmedAt() != null,
                    lastText,
                    seriesFacts.intakeOverdue(),
                    sessionFacts.checklistOverdue(),
                    seriesFacts.intakeToReview() || sessionFacts.checklistToReview());
            return new DaySession(
                    s.id(),
                    series.id(),
                    series.patientId(),
                    patient == null ? null : patient.firstName() + " " + patient.lastName(),
                    s.sequence(),
                    series.sessions().size(),
                    s.start(),
                    s.localStart(),
                    s.end(),
                    s.status().name(),
                    readiness,
                    readiness.intakeComplete()
                            && readiness.checklistComplete()
                            && readiness.rideHomeConfirmed()
                            && readiness.confirmedByPatient());
        }
    }

    /**
     * @param intakeOverdue the intake's deadline passed without it
     * @param checklistOverdue the checklist's (latest) deadline passed without it
     * @param clinicianToReview a clinician must look at the patient's answers before the session (why is the
     *     clinician's to read, in intake-service's clinical API)
     */
    public record Readiness(
            boolean intakeComplete,
            boolean checklistComplete,
            boolean rideHomeConfirmed,
            boolean confirmedByPatient,
            LastText lastText,
            boolean intakeOverdue,
            boolean checklistOverdue,
            boolean clinicianToReview) {}
}
