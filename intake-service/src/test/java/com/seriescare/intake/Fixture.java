package com.seriescare.intake;

import static org.awaitility.Awaitility.await;

import com.seriescare.contracts.Topics;
import com.seriescare.contracts.scheduling.AppointmentStatus;
import com.seriescare.contracts.scheduling.BookedSession;
import com.seriescare.contracts.scheduling.PatientRegistered;
import com.seriescare.contracts.scheduling.SeriesBooked;
import com.seriescare.contracts.scheduling.SessionCancelled;
import com.seriescare.contracts.scheduling.SessionRescheduled;
import com.seriescare.contracts.scheduling.SessionScheduled;
import com.seriescare.contracts.scheduling.SmsConsent;
import com.seriescare.testsupport.EventPublisherForTests;
import com.seriescare.testsupport.RecordedTopics;
import com.seriescare.testsupport.RecordedTopics.Recorded;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Bookings published as scheduling-service would, and what intake-service published in return. */
final class Fixture {

    static final String DENVER = "America/Denver";
    static final String BASE_URL = "https://forms.example.org";
    static final Duration PATIENCE = Duration.ofSeconds(30);

    static final EventPublisherForTests EVENTS = new EventPublisherForTests();
    static final RecordedTopics TOPICS =
            RecordedTopics.of(Topics.INTAKE_EVENTS, Topics.CARE_ALERTS, Topics.FORM_LINKS, Topics.PATIENT_WORDS);
    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixture() {}

    record Booked(
            String patientId,
            String seriesId,
            String clinicId,
            List<String> sessionIds,
            List<Instant> starts,
            SeriesBooked booking) {

        String sessionId(int sequence) {
            return sessionIds.get(sequence - 1);
        }

        Instant start(int sequence) {
            return starts.get(sequence - 1);
        }
    }

    static Booked book(String language, String... starts) {
        return bookAt("front-range", language, starts);
    }

    /** A patient registered and a series booked, each session announced too (as scheduling-service does). */
    static Booked bookAt(String clinicId, String language, String... starts) {
        String patientId = "patient-" + UUID.randomUUID();
        String seriesId = "series-" + UUID.randomUUID();
        EVENTS.publish(new PatientRegistered(
                patientId,
                clinicId,
                "Ana",
                "Reyes",
                "+13035550142",
                language,
                DENVER,
                new SmsConsent(true, "front_desk", Instant.parse("2026-10-01T16:00:00Z"), "frontdesk"),
                Instant.parse("2026-10-01T16:00:00Z"),
                0));
        List<BookedSession> sessions = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<Instant> instants = new ArrayList<>();
        for (int i = 0; i < starts.length; i++) {
            Instant start = Instant.parse(starts[i]);
            String sessionId = "session-" + UUID.randomUUID();
            ids.add(sessionId);
            instants.add(start);
            sessions.add(new BookedSession(
                    sessionId, i + 1, start, start.atZone(ZoneId.of(DENVER)).toLocalDateTime(), DENVER, 90));
        }
        var booking = new SeriesBooked(patientId, seriesId, clinicId, sessions, IntakeServiceTest.NOW);
        var booked = new Booked(patientId, seriesId, clinicId, ids, instants, booking);
        EVENTS.publish(booking);
        for (int i = 0; i < starts.length; i++) {
            EVENTS.publish(scheduled(booked, i + 1));
        }
        return booked;
    }

    static SessionScheduled scheduled(Booked booked, int sequence) {
        return new SessionScheduled(
                booked.patientId(),
                booked.seriesId(),
                booked.sessionId(sequence),
                sequence,
                booked.sessionIds().size(),
                booked.start(sequence),
                DENVER,
                90,
                booked.clinicId(),
                1,
                AppointmentStatus.booked);
    }

    static void reschedule(Booked booked, int sequence, String newStart, int revision) {
        EVENTS.publish(new SessionRescheduled(
                booked.patientId(),
                booked.seriesId(),
                booked.sessionId(sequence),
                sequence,
                booked.sessionIds().size(),
                Instant.parse(newStart),
                DENVER,
                90,
                booked.clinicId(),
                revision,
                AppointmentStatus.booked,
                booked.start(sequence)));
    }

    static void cancel(Booked booked, int sequence, int revision) {
        EVENTS.publish(new SessionCancelled(
                booked.patientId(),
                booked.seriesId(),
                booked.sessionId(sequence),
                sequence,
                booked.sessionIds().size(),
                booked.start(sequence),
                DENVER,
                90,
                booked.clinicId(),
                revision,
                AppointmentStatus.cancelled,
                "patient asked",
                IntakeServiceTest.NOW));
    }

    /** What intake-service published for this patient with this CloudEvents type (suffix of it, e.g. "intake.overdue"). */
    static List<Recorded> published(Booked booked, String type) {
        return TOPICS.forKey(booked.patientId()).stream()
                .filter(r -> r.ceType().equals("clinic." + type + ".v1"))
                .toList();
    }

    static JsonNode body(Recorded record) {
        return JSON.readTree(record.body());
    }

    /** The links issued for this patient (on intake.form-links, for notification-service), oldest first. */
    static List<JsonNode> linksIssued(Booked booked) {
        return published(booked, "form-link.issued").stream().map(Fixture::body).toList();
    }

    /** The link of the latest request for the session's checklist, as the patient gets it by text, without the host. */
    static String checklistPath(Booked booked, int sequence) {
        String sessionId = booked.sessionId(sequence);
        var issued = await().atMost(PATIENCE)
                .until(
                        () -> linksIssued(booked).stream()
                                .filter(link -> link.path("form").asString().equals("checklist")
                                        && link.path("sessionId").asString("").equals(sessionId)
                                        && link.path("occasion").asString().equals("requested"))
                                .toList(),
                        list -> !list.isEmpty());
        return pathOf(issued.getLast().path("link").asString());
    }

    static String intakePath(Booked booked) {
        var issued = await().atMost(PATIENCE)
                .until(
                        () -> linksIssued(booked).stream()
                                .filter(link -> link.path("form").asString().equals("intake"))
                                .toList(),
                        list -> !list.isEmpty());
        return pathOf(issued.getLast().path("link").asString());
    }

    static String pathOf(String link) {
        if (!link.startsWith(BASE_URL + "/f/")) {
            throw new AssertionError("Not a form link: " + link);
        }
        return link.substring(BASE_URL.length());
    }
}
