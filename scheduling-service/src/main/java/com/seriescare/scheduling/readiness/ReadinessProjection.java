package com.seriescare.scheduling.readiness;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.seriescare.contracts.intake.ChecklistCompleted;
import com.seriescare.contracts.intake.ChecklistOverdue;
import com.seriescare.contracts.intake.ChecklistRequested;
import com.seriescare.contracts.intake.IntakeCompleted;
import com.seriescare.contracts.intake.IntakeFlagged;
import com.seriescare.contracts.intake.IntakeOverdue;
import com.seriescare.contracts.intake.IntakeReviewed;
import com.seriescare.contracts.notification.MessageStatusChanged;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * What the front desk needs to know before a session, built only from intake and notification events (never by
 * asking those services). Series facts and session facts are kept apart and joined when read, so it does not
 * matter in which order events arrive; each update is idempotent, so redeliveries change nothing.
 */
@Component
public class ReadinessProjection {

    static final String SERIES = "readiness_series";
    static final String SESSIONS = "readiness_sessions";

    /**
     * What is known of a series: whether its intake is complete or overdue, what in it needs a clinician, and its
     * latest series-wide text.
     */
    public record SeriesFacts(
            String id,
            Instant intakeCompletedAt,
            Instant intakeOverdueAt,
            List<String> intakeFlags,
            Boolean intakeFlagged,
            LastText lastText) {

        public SeriesFacts {
            intakeFlags = intakeFlags == null ? List.of() : List.copyOf(intakeFlags);
        }

        /** A clinician must look at the intake (reasons were kept by older versions; now only that it is so). */
        public boolean intakeToReview() {
            return Boolean.TRUE.equals(intakeFlagged) || !intakeFlags.isEmpty();
        }

        public boolean intakeOverdue() {
            return intakeCompletedAt == null && intakeOverdueAt != null;
        }
    }

    /**
     * What is known of a session: its checklist (requested until when, overdue, complete, flagged), ride home, and
     * latest text.
     *
     * @param checklistDueAt the latest deadline the checklist was requested for (a moved session moves it)
     * @param checklistOverdueAt the deadline that passed without the checklist
     */
    public record SessionFacts(
            String id,
            Instant checklistCompletedAt,
            Boolean rideHomeConfirmed,
            Instant checklistDueAt,
            Instant checklistOverdueAt,
            List<String> checklistFlags,
            Boolean checklistFlagged,
            LastText lastText) {

        public SessionFacts {
            checklistFlags = checklistFlags == null ? List.of() : List.copyOf(checklistFlags);
        }

        /** A clinician must look at the checklist (reasons were kept by older versions; now only that it is so). */
        public boolean checklistToReview() {
            return Boolean.TRUE.equals(checklistFlagged) || !checklistFlags.isEmpty();
        }

        /** Overdue for its latest deadline: an overdue from before the session moved no longer counts. */
        public boolean checklistOverdue() {
            return checklistCompletedAt == null
                    && checklistOverdueAt != null
                    && (checklistDueAt == null || !checklistDueAt.isAfter(checklistOverdueAt));
        }
    }

    private final MongoTemplate mongo;

    ReadinessProjection(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void on(IntakeCompleted completed) {
        upsert(SERIES, completed.seriesId(), new Update().set("intakeCompletedAt", completed.completedAt()));
    }

    public void on(ChecklistCompleted completed) {
        upsert(
                SESSIONS,
                completed.sessionId(),
                new Update()
                        .set("checklistCompletedAt", completed.completedAt())
                        .set("rideHomeConfirmed", completed.rideHomeConfirmed()));
    }

    public void on(IntakeOverdue overdue) {
        upsert(SERIES, overdue.seriesId(), new Update().set("intakeOverdueAt", overdue.dueAt()));
    }

    public void on(ChecklistRequested requested) {
        upsert(SESSIONS, requested.sessionId(), new Update().max("checklistDueAt", requested.dueAt()));
    }

    public void on(ChecklistOverdue overdue) {
        upsert(SESSIONS, overdue.sessionId(), new Update().max("checklistOverdueAt", overdue.dueAt()));
    }

    /** A clinician reviewed the answers: nobody needs to look any more. */
    public void on(IntakeReviewed reviewed) {
        if (reviewed.sessionId() == null) {
            upsert(
                    SERIES,
                    reviewed.seriesId(),
                    new Update().set("intakeFlagged", false).unset("intakeFlags"));
        } else {
            upsert(
                    SESSIONS,
                    reviewed.sessionId(),
                    new Update().set("checklistFlagged", false).unset("checklistFlags"));
        }
    }

    /** That a clinician must look, never why: the front desk's screens are seen by others. */
    public void on(IntakeFlagged flagged) {
        if (flagged.sessionId() == null) {
            upsert(SERIES, flagged.seriesId(), new Update().set("intakeFlagged", true));
        } else {
            upsert(SESSIONS, flagged.sessionId(), new Update().set("checklistFlagged", true));
        }
    }

    /** Why a text did not reach the patient, for the front desk; nothing for one that went out or is on its way. */
    private static String reasonShown(MessageStatusChanged changed) {
        return switch (changed.status()) {
            case "failed", "undelivered", "cancelled", "in_doubt" -> changed.reason();
            default -> null;
        };
    }

    public void on(MessageStatusChanged changed) {
        if (changed.status().equals("planned")) {
            return; // the badge tells of texts that went out (or were stopped), not of those still to come
        }
        var incoming =
                new LastText(changed.messageId(), changed.kind(), changed.status(), changed.at(), reasonShown(changed));
        if (changed.sessionId() != null) {
            LastText known = sessionFacts(List.of(changed.sessionId()))
                    .getOrDefault(changed.sessionId(), emptySession(changed.sessionId()))
                    .lastText();
            upsert(SESSIONS, changed.sessionId(), new Update().set("lastText", LastText.newer(known, incoming)));
        } else if (changed.seriesId() != null) {
            LastText known = seriesFacts(List.of(changed.seriesId()))
                    .getOrDefault(changed.seriesId(), emptySeries(changed.seriesId()))
                    .lastText();
            upsert(SERIES, changed.seriesId(), new Update().set("lastText", LastText.newer(known, incoming)));
        }
    }

    public Map<String, SeriesFacts> seriesFacts(Collection<String> seriesIds) {
        return mongo.find(query(where("_id").in(seriesIds)), SeriesFacts.class, SERIES).stream()
                .collect(Collectors.toMap(SeriesFacts::id, Function.identity()));
    }

    public Map<String, SessionFacts> sessionFacts(Collection<String> sessionIds) {
        return mongo.find(query(where("_id").in(sessionIds)), SessionFacts.class, SESSIONS).stream()
                .collect(Collectors.toMap(SessionFacts::id, Function.identity()));
    }

    public static SeriesFacts emptySeries(String id) {
        return new SeriesFacts(id, null, null, List.of(), null, null);
    }

    public static SessionFacts emptySession(String id) {
        return new SessionFacts(id, null, null, null, null, List.of(), null, null);
    }

    private void upsert(String collection, String id, Update update) {
        mongo.upsert(query(where("_id").is(id)), update, collection);
    }
}
