package com.seriescare.intake.store;

import com.seriescare.contracts.ClinicEvent;
import com.seriescare.contracts.intake.FormAnswersViewed;
import com.seriescare.intake.forms.FormKind;
import com.seriescare.intake.forms.FormStatus;
import com.seriescare.intake.forms.LinkTokens;
import com.seriescare.intake.forms.PatientForm;
import com.seriescare.servicesupport.outbox.Outbox;
import com.seriescare.servicesupport.outbox.PendingEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * The patients' forms. Each change is one conditional update of the form's document (it applies only if nobody
 * changed the form since it was read), carrying the change, its events for the outbox and any new link token's hash:
 * so a change is never saved without its events, and two instances doing the same work apply it once.
 */
@Repository
public class PatientForms {

    static final String COLLECTION = "patient_forms";

    private final MongoTemplate mongo;
    private final Outbox outbox;

    PatientForms(MongoTemplate mongo, Outbox outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
        // one intake per series and one checklist per session, however often the booking is replayed
        mongo.indexOps(COLLECTION).createIndex(new Index("key", Sort.Direction.ASC).unique());
        mongo.indexOps(COLLECTION)
                .createIndex(new Index("form.status", Sort.Direction.ASC).on("form.dueAt", Sort.Direction.ASC));
        mongo.indexOps(COLLECTION).createIndex(new Index("form.seriesId", Sort.Direction.ASC));
    }

    /** A form as read, with the version a change must still find. */
    public record Snapshot(PatientForm form, long version) {}

    /** Saves a new form with its first link token; false (and nothing saved) when the form already exists. */
    public boolean create(PatientForm form, String token, List<ClinicEvent> events) {
        try {
            mongo.insert(
                    new FormDocument(
                            form.id(), form.key(), form, List.of(LinkTokens.hash(token)), outbox.entriesFor(events), 0),
                    COLLECTION);
            return true;
        } catch (DuplicateKeyException alreadyThere) {
            return false;
        }
    }

    /**
     * Replaces the form if it is still at the snapshot's version.
     *
     * @param newToken the token of a fresh link (sent again: the form moved, or a reminder); it replaces the older
     *     ones, which open the form no more (a link is a bearer secret: the fewer that work, the better), or null
     * @return false when the form changed meanwhile: nothing was saved
     */
    public boolean change(Snapshot before, PatientForm after, String newToken, List<ClinicEvent> events) {
        Update update = new Update().set("form", after).inc("version", 1);
        if (newToken != null) {
            update.set("tokenHashes", List.of(LinkTokens.hash(newToken)));
        }
        if (!events.isEmpty()) {
            update.push("outbox").each(outbox.entriesFor(events).toArray());
        }
        var result = mongo.updateFirst(
                Query.query(Criteria.where("_id")
                        .is(before.form().id())
                        .and("version")
                        .is(before.version())),
                update,
                COLLECTION);
        return result.getModifiedCount() == 1;
    }

    /**
     * Someone looked at the form's answers ({@link FormAnswersViewed#ALL} or {@link FormAnswersViewed#LOGISTICS}):
     * the look is published from the form's outbox like its changes, and so is in the audit trail and the patient's
     * history; the form itself does not change (no new version, so nobody's change of it is refused for a look). A
     * form not yet filled in has no answers to look at, and opening it is no look.
     */
    public void recordLook(PatientForm form, String part, String by, Instant at) {
        if (form.completion() == null) {
            return;
        }
        var viewed = new FormAnswersViewed(
                form.patientId(),
                form.seriesId(),
                form.sessionId(),
                form.id(),
                form.kind().code(),
                part,
                by,
                at);
        mongo.updateFirst(
                Query.query(Criteria.where("_id").is(form.id())),
                new Update()
                        .push("outbox")
                        .each(outbox.entriesFor(List.of(viewed)).toArray()),
                COLLECTION);
    }

    /** How many forms of this kind are past their deadline and not filled in (for the operators' dashboard). */
    public long overdueCount(com.seriescare.intake.forms.FormKind kind) {
        return mongo.count(
                Query.query(Criteria.where("form.status")
                        .is(FormStatus.OVERDUE)
                        .and("form.kind")
                        .is(kind)),
                COLLECTION);
    }

    public Optional<Snapshot> byId(String formId) {
        return Optional.ofNullable(mongo.findById(formId, FormDocument.class, COLLECTION))
                .map(FormDocument::snapshot);
    }

    /** A clinic's completed forms (flagged ones among them). */
    public List<PatientForm> completedOf(String clinicId) {
        return mongo
                .find(
                        Query.query(Criteria.where("form.clinicId")
                                .is(clinicId)
                                .and("form.status")
                                .is(FormStatus.COMPLETED)),
                        FormDocument.class,
                        COLLECTION)
                .stream()
                .map(FormDocument::form)
                .toList();
    }

    public Optional<Snapshot> byKey(String key) {
        return one(Query.query(Criteria.where("key").is(key)));
    }

    public Optional<Snapshot> intakeOf(String seriesId) {
        return byKey(PatientForm.intakeKey(seriesId));
    }

    public Optional<Snapshot> checklistOf(String sessionId) {
        return byKey(PatientForm.checklistKey(sessionId));
    }

    /** The form a link opens: only when the token was issued for this very form. */
    public Optional<Snapshot> openedBy(String formId, String token) {
        var document = mongo.findById(formId, FormDocument.class, COLLECTION);
        if (document == null || !LinkTokens.matchesAny(token, document.tokenHashes())) {
            return Optional.empty();
        }
        return Optional.of(document.snapshot());
    }

    public List<PatientForm> checklistsOf(String seriesId) {
        return mongo
                .find(
                        Query.query(Criteria.where("form.seriesId")
                                .is(seriesId)
                                .and("form.kind")
                                .is(FormKind.CHECKLIST)),
                        FormDocument.class,
                        COLLECTION)
                .stream()
                .map(FormDocument::form)
                .toList();
    }

    /** Forms still requested whose deadline has passed, earliest first. */
    public List<Snapshot> pastDue(Instant now, int limit) {
        return mongo
                .find(
                        Query.query(Criteria.where("form.status")
                                        .is(FormStatus.REQUESTED)
                                        .and("form.dueAt")
                                        .lte(now))
                                .with(Sort.by("form.dueAt"))
                                .limit(limit),
                        FormDocument.class,
                        COLLECTION)
                .stream()
                .map(FormDocument::snapshot)
                .toList();
    }

    private Optional<Snapshot> one(Query query) {
        return Optional.ofNullable(mongo.findOne(query, FormDocument.class, COLLECTION))
                .map(FormDocument::snapshot);
    }

    /** The stored document: the form, the hashes of the tokens that open it, and its events waiting in the outbox. */
    record FormDocument(
            String id,
            String key,
            PatientForm form,
            List<String> tokenHashes,
            List<PendingEvent> outbox,
            long version) {

        Snapshot snapshot() {
            return new Snapshot(form, version);
        }
    }
}
