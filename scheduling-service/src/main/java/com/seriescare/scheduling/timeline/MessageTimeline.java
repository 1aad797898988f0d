package com.seriescare.scheduling.timeline;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.seriescare.contracts.notification.MessageStatusChanged;
import java.util.Comparator;
import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Every text of every patient, built only from notification-service's events. One document per text; each event
 * adds its step to a set, so a redelivered event changes nothing and the order of arrival does not matter.
 */
@Component
public class MessageTimeline {

    static final String COLLECTION = "message_timeline";

    private final MongoTemplate mongo;

    MessageTimeline(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index("patientId", Sort.Direction.ASC));
    }

    public void on(MessageStatusChanged changed) {
        var update = new Update()
                .setOnInsert("patientId", changed.patientId())
                .setOnInsert("kind", changed.kind())
                .setOnInsert("seriesId", changed.seriesId())
                .setOnInsert("sessionId", changed.sessionId())
                .addToSet("steps", new TextHistory.Step(changed.status(), changed.at(), changed.reason()));
        if (changed.dueAt() != null) {
            update.set("dueAt", changed.dueAt());
        }
        mongo.upsert(query(where("_id").is(changed.messageId())), update, COLLECTION);
    }

    /** The patient's texts, the latest first. */
    public List<TextHistory> of(String patientId) {
        return mongo.find(query(where("patientId").is(patientId)), TextHistory.class, COLLECTION).stream()
                .sorted(Comparator.comparing(TextHistory::when).reversed())
                .toList();
    }
}
