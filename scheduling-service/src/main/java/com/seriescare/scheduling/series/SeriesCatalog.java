package com.seriescare.scheduling.series;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.seriescare.contracts.ClinicEvent;
import com.seriescare.contracts.scheduling.AppointmentStatus;
import com.seriescare.scheduling.clinic.Clinic;
import com.seriescare.scheduling.clinic.Clinics;
import com.seriescare.scheduling.clinic.TreatmentPlan;
import com.seriescare.scheduling.patients.Patient;
import com.seriescare.scheduling.patients.Patients;
import com.seriescare.scheduling.shared.ConcurrentChange;
import com.seriescare.scheduling.shared.InvalidInput;
import com.seriescare.scheduling.shared.NotFound;
import com.seriescare.servicesupport.outbox.Outbox;
import com.seriescare.servicesupport.security.CurrentUser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The front desk's operations on series: booking (or previewing) and every change of a session. Each change is
 * one atomic update of the series document: the new state, its events pushed onto the outbox, the version bumped.
 */
@Service
public class SeriesCatalog {

    /** Sessions this far around the asked times are read to check overlaps and chairs and to suggest times. */
    private static final Duration CALENDAR_MARGIN = SlotRules.SEARCH.plusDays(1);

    /**
     * Sessions this far around the asked times are all that can share a chair or the patient's time with them (longer
     * than any chair time): a booking reads only these while it holds its days, and the wide calendar only when it is
     * refused, to suggest other times. Reading a fortnight of the clinic's series for every booking, under the day's
     * lock, made bookings queue behind each other in a busy hour.
     */
    private static final Duration OVERLAP_MARGIN = Duration.ofDays(1);

    private final SeriesDocuments documents;
    private final ClinicDayLocks dayLocks;
    private final MongoTemplate mongo;
    private final Patients patients;
    private final Outbox outbox;
    private final Clinics clinics;
    private final CurrentUser user;
    private final Clock clock;

    SeriesCatalog(
            SeriesDocuments documents,
            ClinicDayLocks dayLocks,
            MongoTemplate mongo,
            Patients patients,
            Outbox outbox,
            Clinics clinics,
            CurrentUser user,
            Clock clock) {
        this.documents = documents;
        this.dayLocks = dayLocks;
        this.mongo = mongo;
        this.patients = patients;
        this.outbox = outbox;
        this.clinics = clinics;
        this.user = user;
        this.clock = clock;
        // the calendar (a clinic's sessions in a range) and a patient's series
        mongo.indexOps(SeriesDocument.class)
                .createIndex(new org.springframework.data.mongodb.core.index.Index(
                                "series.clinicId", org.springframework.data.domain.Sort.Direction.ASC)
                        .on("series.sessions.start", org.springframework.data.domain.Sort.Direction.ASC));
        mongo.indexOps(SeriesDocument.class)
                .createIndex(new org.springframework.data.mongodb.core.index.Index(
                        "series.patientId", org.springframework.data.domain.Sort.Direction.ASC));
    }

    public record Request(String patientId, String treatmentPlan, List<LocalDateTime> localStarts) {}

    public SeriesBooking.Preview preview(Request request) {
        var context = contextFor(request, clinicOf(request.patientId()));
        return SeriesBooking.preview(
                request.patientId(),
                context.plan(),
                request.localStarts(),
                context.clinic(),
                context.calendar(),
                clock.instant());
    }

    /** Books the series if every session can be; the calendar is read and written holding its days' locks. */
    public Series book(Request request) {
        Clinic clinic = clinicOf(request.patientId());
        TreatmentPlan plan = planOf(request, clinic);
        return dayLocks.holding(clinic.id(), daysOf(request.localStarts()), () -> {
            Instant now = clock.instant();
            Series series;
            try {
                series = SeriesBooking.book(
                        request.patientId(),
                        plan,
                        request.localStarts(),
                        clinic,
                        calendarAround(clinic, request.localStarts(), OVERLAP_MARGIN),
                        now);
            } catch (BookingRefused refused) {
                // the same conflicts, with the nearest free times found in the wider calendar
                throw new BookingRefused(SeriesBooking.preview(
                        request.patientId(),
                        plan,
                        request.localStarts(),
                        clinic,
                        calendarAround(clinic, request.localStarts(), CALENDAR_MARGIN),
                        now));
            }
            documents.insert(
                    new SeriesDocument(series.id(), series, outbox.entriesFor(SessionEvents.booked(series)), 0));
            return series;
        });
    }

    private static List<java.time.LocalDate> daysOf(List<LocalDateTime> localStarts) {
        return localStarts.stream().map(LocalDateTime::toLocalDate).toList();
    }

    public Series get(String seriesId) {
        return load(seriesId).series();
    }

    /** The patient's series at the caller's clinic, the latest booked first. */
    public List<Series> ofPatient(String patientId) {
        return mongo
                .find(
                        query(where("series.patientId")
                                .is(patientId)
                                .and("series.clinicId")
                                .is(user.clinicId())),
                        SeriesDocument.class)
                .stream()
                .map(SeriesDocument::series)
                .sorted(java.util.Comparator.comparing(Series::bookedAt).reversed())
                .toList();
    }

    public Series reschedule(String seriesId, String sessionId, LocalDateTime newLocalStart) {
        return dayLocks.holding(
                user.clinicId(),
                List.of(newLocalStart.toLocalDate()),
                () -> rescheduleHoldingTheDay(seriesId, sessionId, newLocalStart));
    }

    private Series rescheduleHoldingTheDay(String seriesId, String sessionId, LocalDateTime newLocalStart) {
        return change(seriesId, series -> {
            Session session = series.session(sessionId);
            Clinic clinic = clinics.get(series.clinicId());
            Series moved = series.withSession(sessionId, s -> s.rescheduledTo(newLocalStart));
            Duration chairTime = Duration.ofMinutes(session.durationMinutes());
            // the nearby sessions decide; the wider calendar is read only to suggest another time when refused
            Function<Duration, SlotRules> rulesWithin = margin -> new SlotRules(
                    clinic,
                    series.patientId(),
                    chairTime,
                    calendarAround(clinic, List.of(newLocalStart), margin).stream()
                            .filter(o -> !o.sessionId().equals(sessionId))
                            .toList(),
                    clock.instant());
            rulesWithin
                    .apply(OVERLAP_MARGIN)
                    .check(0, newLocalStart)
                    .map(nearby -> rulesWithin
                            .apply(CALENDAR_MARGIN)
                            .check(0, newLocalStart)
                            .orElse(nearby))
                    .ifPresent(conflict -> {
                        Session proposed = moved.session(sessionId);
                        throw new BookingRefused(new SeriesBooking.Preview(
                                List.of(new SeriesBooking.Proposed(
                                        0, session.sequence(), newLocalStart, proposed.start(), proposed.end())),
                                List.of(conflict)));
                    });
            return new Changed(
                    moved, List.of(SessionEvents.rescheduled(moved, moved.session(sessionId), session.start())));
        });
    }

    public Series cancel(String seriesId, String sessionId, String reason) {
        Instant now = clock.instant();
        return change(seriesId, series -> {
            Series changed = series.withSession(sessionId, s -> s.cancelled(reason));
            return new Changed(changed, List.of(SessionEvents.cancelled(changed, changed.session(sessionId), now)));
        });
    }

    /** Cancels every session still booked; the ones that took place or were missed stay as they are. */
    Series cancelRemaining(String seriesId, String reason) {
        Instant now = clock.instant();
        return change(seriesId, series -> {
            Series changed = series;
            List<ClinicEvent> events = new ArrayList<>();
            for (Session session : series.sessions()) {
                if (session.status() == com.seriescare.contracts.scheduling.AppointmentStatus.booked) {
                    changed = changed.withSession(session.id(), s -> s.cancelled(reason));
                    events.add(SessionEvents.cancelled(changed, changed.session(session.id()), now));
                }
            }
            return new Changed(changed, events);
        });
    }

    public Series checkIn(String seriesId, String sessionId) {
        Instant now = clock.instant();
        return change(seriesId, series -> {
            Series changed = series.withSession(sessionId, s -> s.checkedIn(now));
            return new Changed(changed, List.of(SessionEvents.checkedIn(changed, changed.session(sessionId))));
        });
    }

    public Series complete(String seriesId, String sessionId, Instant actualEnd) {
        Instant end = actualEnd == null ? clock.instant() : actualEnd;
        if (end.isAfter(clock.instant())) {
            throw new InvalidInput("endedAt", "is in the future");
        }
        return change(seriesId, series -> {
            Series changed = series.withSession(sessionId, s -> s.completed(end));
            return new Changed(changed, List.of(SessionEvents.completed(changed, changed.session(sessionId))));
        });
    }

    public Series markMissed(String seriesId, String sessionId) {
        Instant now = clock.instant();
        return change(seriesId, series -> {
            Series changed = series.withSession(sessionId, Session::missed);
            return new Changed(changed, List.of(SessionEvents.missed(changed, changed.session(sessionId), now)));
        });
    }

    Series confirm(String seriesId, String sessionId, String channel) {
        return confirm(load(seriesId), sessionId, channel, clock.instant());
    }

    /**
     * Records a confirmation the patient texted (from notification-service's events, so no front-desk user is
     * involved). A repeated confirmation changes nothing and publishes nothing.
     */
    void confirmByPatient(String seriesId, String sessionId, Instant receivedAt) {
        documents.findById(seriesId).ifPresent(document -> confirm(document, sessionId, "sms", receivedAt));
    }

    private Series confirm(SeriesDocument document, String sessionId, String channel, Instant at) {
        if (document.series().session(sessionId).confirmedAt() != null) {
            return document.series();
        }
        return change(document, series -> {
            Series changed = series.withSession(sessionId, s -> s.confirmed(at));
            return new Changed(changed, List.of(SessionEvents.confirmed(changed, changed.session(sessionId), channel)));
        });
    }

    private record Changed(Series series, List<ClinicEvent> events) {}

    private Series change(String seriesId, Function<Series, Changed> change) {
        return change(load(seriesId), change);
    }

    private Series change(SeriesDocument document, Function<Series, Changed> change) {
        String seriesId = document.id();
        Changed changed = change.apply(document.series());
        var update = new Update().set("series", changed.series()).inc("version", 1);
        if (!changed.events().isEmpty()) {
            update.push("outbox").each(outbox.entriesFor(changed.events()).toArray());
        }
        var result = mongo.updateFirst(
                query(where("_id").is(seriesId).and("version").is(document.version())), update, SeriesDocument.class);
        if (result.getModifiedCount() != 1) {
            throw new ConcurrentChange("Series", seriesId);
        }
        return changed.series();
    }

    private SeriesDocument load(String seriesId) {
        String clinicId = user.clinicId();
        return documents
                .findById(seriesId)
                .filter(document -> document.series().clinicId().equals(clinicId))
                .orElseThrow(() -> new NotFound("Series", seriesId));
    }

    private record Context(Clinic clinic, TreatmentPlan plan, List<Occupied> calendar) {}

    private Clinic clinicOf(String patientId) {
        Patient patient = patients.find(patientId)
                .orElseThrow(() -> new InvalidInput("patientId", "no patient '" + patientId + "' at this clinic"));
        return clinics.get(patient.clinicId());
    }

    private Context contextFor(Request request, Clinic clinic) {
        return new Context(
                clinic, planOf(request, clinic), calendarAround(clinic, request.localStarts(), CALENDAR_MARGIN));
    }

    private static TreatmentPlan planOf(Request request, Clinic clinic) {
        return clinic.plan(request.treatmentPlan())
                .orElseThrow(() -> new InvalidInput(
                        "treatmentPlan",
                        "'" + request.treatmentPlan() + "' is not a treatment plan here; one of "
                                + new java.util.TreeSet<>(
                                        clinic.treatmentPlans().keySet())));
    }

    /** The clinic's active sessions from a margin before the earliest to a margin after the latest local time. */
    private List<Occupied> calendarAround(Clinic clinic, List<LocalDateTime> localStarts, Duration margin) {
        if (localStarts.isEmpty()) {
            return List.of();
        }
        Instant from = ZonedDateTime.of(Collections.min(localStarts), clinic.timeZone())
                .toInstant()
                .minus(margin);
        Instant to = ZonedDateTime.of(Collections.max(localStarts), clinic.timeZone())
                .toInstant()
                .plus(margin);
        var calendar = query(where("series.clinicId")
                .is(clinic.id())
                .and("series.sessions")
                .elemMatch(where("start").gte(from).lte(to)));
        // only whose each series is and when its sessions hold a chair: a busy calendar hands over hundreds of series
        // per booking, and mapping each in full was most of a booking's work (B2 in docs/benchmarks.md)
        calendar.fields().include("series.patientId").include("series.sessions");
        return mongo.find(calendar, CalendarEntry.class, mongo.getCollectionName(SeriesDocument.class)).stream()
                .flatMap(entry -> entry.series().sessions().stream()
                        .filter(s -> Session.holdsAChair(s.status()))
                        .filter(s -> !s.start().isBefore(from) && !s.start().isAfter(to))
                        .map(s -> new Occupied(
                                entry.series().patientId(),
                                s.id(),
                                s.start(),
                                Session.endOf(s.start(), s.durationMinutes()))))
                .toList();
    }

    /** A series as the calendar reads it ({@link SeriesDocument} with only what {@link Occupied} needs). */
    private record CalendarEntry(CalendarSeries series) {}

    private record CalendarSeries(String patientId, List<CalendarSession> sessions) {}

    private record CalendarSession(String id, Instant start, int durationMinutes, AppointmentStatus status) {}
}
