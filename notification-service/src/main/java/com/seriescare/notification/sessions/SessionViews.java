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
