package com.seriescare.notification.sessions;

import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/** Sessions as last heard of; an older revision never replaces a newer one (events may arrive late or twice). */
@Repository
public class SessionViews {

    static final String COLLECTION = "session_views";

    private final MongoTemplate mongo;

    SessionViews(MongoTemplate mongo) {
        this.mongo = mongo;
        // a form link's text asks whether its series is known before it goes out
        mongo.indexOps(COLLECTION)
                .createIndex(new org.springframework.data.mongodb.core.index.Index(
                        "view.seriesId", org.springframework.data.domain.Sort.Direction.ASC));
    }

    /** Keeps the view unless a newer revision is already known; returns whether it was kept. */
    public boolean record(SessionView view) {
        Optional<SessionView> known = find(view.sessionId());
        if (known.isPresent() && known.get().revision() > view.revision()) {
            return false;
        }
        mongo.save(new Stored(view.sessionId(), view), COLLECTION);
        return true;
    }

    /** Whether any session of the series is known here, i.e. its booking has arrived. */
    public boolean knowsSeries(String seriesId) {
        return seriesId != null
                && mongo.exists(
                        org.springframework.data.mongodb.core.query.Query.query(
                                org.springframework.data.mongodb.core.query.Criteria.where("view.seriesId")
                                        .is(seriesId)),
                        COLLECTION);
    }

    public Optional<SessionView> find(String sessionId) {
        return Optional.ofNullable(mongo.findById(sessionId, Stored.class, COLLECTION))
                .map(Stored::view);
    }

    /** The patient's next session that is still booked, if any. */
    public Optional<SessionView> nextBooked(String patientId, java.time.Instant now) {
        return mongo
                .find(
                        org.springframework.data.mongodb.core.query.Query.query(
                                        org.springframework.data.mongodb.core.query.Criteria.where("view.patientId")
                                                .is(patientId)
                                                .and("view.start")
                                                .gt(now))
                                .with(org.springframework.data.domain.Sort.by("view.start")),
                        Stored.class,
                        COLLECTION)
                .stream()
                .map(Stored::view)
                .filter(view -> view.status() == com.seriescare.contracts.scheduling.AppointmentStatus.booked)
                .findFirst();
    }

    record Stored(String id, SessionView view) {}
}
