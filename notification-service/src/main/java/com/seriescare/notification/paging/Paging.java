package com.seriescare.notification.paging;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.seriescare.notification.clinic.Clinic;
import com.seriescare.notification.clinic.ClinicDirectory;
import com.seriescare.notification.dispatch.OutgoingMessages;
import com.seriescare.notification.planning.MessageKind;
import com.seriescare.notification.planning.PlannedMessage;
import com.seriescare.servicesupport.audit.Actors;
import com.seriescare.servicesupport.outbox.Outbox;
import com.seriescare.servicesupport.outbox.PendingEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Pages the clinic's on-call clinician for an urgent care alert, at once and at any hour, by a text that carries no
 * health information (the clinic, a short code and a link to the alert in the web app); pages the next on the rota
 * when nobody acknowledged it in time; stops when someone does, by replying ACK or in the web app.
 */
@Service
public class Paging {

    static final String COLLECTION = "on_call_pages";

    /** The texts of a clinic's on-call rota are kept under this id and the clinic's, not under a patient's. */
    public static final String ON_CALL = "on-call:";

    private static final Logger log = LoggerFactory.getLogger(Paging.class);

    /** "ACK", optionally with the alert's code: what a paged clinician replies. */
    private static final Pattern ACK =
            Pattern.compile("^\\s*ACK(?:\\s+([A-Z0-9]{4}))?\\s*[.!]?\\s*$", Pattern.CASE_INSENSITIVE);

    static final String WAITING = "on_call_pages_waiting";

    /** An urgent alert of a clinic whose rota is not known yet (its settings have not arrived): paged when it is. */
    record WaitingAlert(String id, String clinicId, String patientId, Instant raisedAt) {}

    /** A page as stored: the page, fields to find it by, and the events to publish. */
    record PageDocument(
            String id, OnCallPage page, boolean open, Instant escalateAt, int round, List<PendingEvent> outbox) {}

    private final MongoTemplate mongo;
    private final ClinicDirectory clinics;
    private final OutgoingMessages messages;
    private final Outbox outbox;
    private final PagingProperties properties;
    private final Clock clock;

    Paging(
            MongoTemplate mongo,
            ClinicDirectory clinics,
            OutgoingMessages messages,
            Outbox outbox,
            PagingProperties properties,
            Clock clock) {
        this.mongo = mongo;
        this.clinics = clinics;
        this.messages = messages;
        this.outbox = outbox;
        this.properties = properties;
        this.clock = clock;
        mongo.indexOps(COLLECTION)
                .createIndex(new Index("open", Sort.Direction.ASC).on("escalateAt", Sort.Direction.ASC));
    }

    /**
     * Pages the first clinician of the clinic's rota for an urgent alert; nothing when it was paged before.
     *
     * @param raisedAt when the patient's words arrived: the page is due then, and its lag is measured from it
     */
    public void raise(String alertId, String clinicId, String patientId, Instant raisedAt) {
        Optional<Clinic> clinic = clinics.find(clinicId);
        if (clinic.isEmpty() || clinic.get().onCall().isEmpty()) {
            // never dropped: kept, and paged as soon as the clinic's rota is known (raiseWaiting)
            mongo.save(new WaitingAlert(alertId, clinicId, patientId, raisedAt), WAITING);
            log.error(
                    "Urgent alert {} of clinic {}: no on-call rota known yet; it is in the inbox and will page as soon"
                            + " as the clinic's rota arrives",
                    alertId,
                    clinicId);
            return;
        }
        var page =
                OnCallPage.first(alertId, clinic.get().id(), patientId, rota(clinic.get()), raisedAt, escalateAfter());
        // the text first (its plan key makes it once), then the page: a crash between them pages all the same, and the
        // alert coming back on care.alerts stores the page
        planText(page, raisedAt);
        try {
            mongo.insert(
                    new PageDocument(page.id(), page, true, page.escalateAt(), page.round(), List.of()), COLLECTION);
            log.info("Urgent alert {}: on-call clinician of {} paged (code {})", alertId, page.clinicId(), page.code());
        } catch (DuplicateKeyException pagedBefore) {
            // the same alert again: paged once
        }
    }

    /**
     * A text from a phone of a clinic's rota saying "ACK" (with or without the code) acknowledges that clinic's open
     * page with that code, or every open page that went to that phone.
     *
     * @return whether it was a clinician's acknowledgement, whatever it found open (then it is no patient's reply: a
     *     Twilio retry of it, or an ACK for an alert already in hand, must not land in the inbox as a stranger's text)
     */
    public boolean acknowledgeBySms(String fromPhone, String body) {
        var ack = ACK.matcher(body == null ? "" : body);
        if (!ack.matches()) {
            return false;
        }
        List<Clinic> rotasWithPhone = clinics.all().stream()
                .filter(clinic -> clinic.onCall().stream()
                        .anyMatch(onCall -> onCall.phone().equals(fromPhone)))
                .toList();
        if (rotasWithPhone.isEmpty()) {
            return false;
        }
        String code = ack.group(1) == null ? null : ack.group(1).toUpperCase(Locale.ROOT);
        List<OnCallPage> open = mongo.find(query(where("open").is(true)), PageDocument.class, COLLECTION).stream()
                .map(PageDocument::page)
                .filter(page -> code == null ? fromPhone.equals(page.pagedPhone()) : code.equals(page.code()))
                .toList();
        for (OnCallPage page : open) {
            rotasWithPhone.stream()
                    .filter(clinic -> clinic.id().equals(page.clinicId()))
                    .flatMap(clinic -> clinic.onCall().stream())
                    .filter(onCall -> onCall.phone().equals(fromPhone))
                    .findFirst()
                    .ifPresent(who -> Actors.as(
                            who.name(),
                            () -> acknowledge(
                                    page, who.name(), com.seriescare.contracts.care.CareAlertAcknowledged.SMS)));
        }
        return true;
    }

    /** Acknowledged elsewhere (the web app): paging stops. Nothing when it was acknowledged before. */
    public void acknowledged(String alertId, String by, Instant at) {
        var stored = mongo.findById(alertId, PageDocument.class, COLLECTION);
        if (stored == null || !stored.open()) {
            return;
        }
        var done = stored.page().acknowledge(by, com.seriescare.contracts.care.CareAlertAcknowledged.WEB, at);
        // the news came from the web app: nothing to publish
        mongo.updateFirst(
                query(where("_id").is(alertId).and("open").is(true)),
                new Update().set("page", done.page()).set("open", false),
                COLLECTION);
        log.info("Urgent alert {} acknowledged in the web app: paging stops", alertId);
    }

    private void acknowledge(OnCallPage page, String by, String via) {
        var done = page.acknowledge(by, via, clock.instant());
        var result = mongo.updateFirst(
                query(where("_id").is(page.id()).and("open").is(true)),
                new Update()
                        .set("page", done.page())
                        .set("open", false)
                        .push("outbox")
                        .each(outbox.entriesFor(List.of(done.event())).toArray()),
                COLLECTION);
        if (result.getModifiedCount() == 1) {
            log.info("Urgent alert {} acknowledged by {} ({}): paging stops", page.id(), by, via);
        }
    }

    /** Pages the on-call clinician of every alert that waited for its clinic's rota, once it is known. */
    public int raiseWaiting() {
        int raised = 0;
        for (WaitingAlert waiting : mongo.findAll(WaitingAlert.class, WAITING)) {
            boolean rotaKnown = clinics.find(waiting.clinicId())
                    .map(clinic -> !clinic.onCall().isEmpty())
                    .orElse(false);
            if (rotaKnown) {
                raise(waiting.id(), waiting.clinicId(), waiting.patientId(), waiting.raisedAt());
                mongo.remove(query(where("_id").is(waiting.id())), WAITING);
                raised++;
            }
        }
        return raised;
    }

    /** Pages the next clinician for every alert nobody acknowledged in time; returns how many. */
    public int escalateDue() {
        Instant now = clock.instant();
        int escalated = 0;
        for (PageDocument due :
                mongo.find(query(where("open").is(true).and("escalateAt").lte(now)), PageDocument.class, COLLECTION)) {
            Optional<Clinic> clinic = clinics.find(due.page().clinicId());
            if (clinic.isEmpty() || clinic.get().onCall().isEmpty()) {
                continue;
            }
            var next = due.page().escalate(rota(clinic.get()), now, escalateAfter());
            // only one instance escalates a round: the update is conditional on the round it read
            var result = Actors.as(
                    Actors.SYSTEM,
                    () -> mongo.updateFirst(
                            query(where("_id")
                                    .is(due.id())
                                    .and("open")
                                    .is(true)
                                    .and("round")
                                    .is(due.round())),
                            new Update()
                                    .set("page", next.page())
                                    .set("round", next.page().round())
                                    .set("escalateAt", next.page().escalateAt())
                                    .push("outbox")
                                    .each(outbox.entriesFor(List.of(next.event()))
                                            .toArray()),
                            COLLECTION));
            if (result.getModifiedCount() == 1) {
                planText(next.page(), now);
                escalated++;
                log.warn(
                        "Urgent alert {} unacknowledged after {}: paging {} (round {})",
                        due.id(),
                        escalateAfter(),
                        next.page().pagedName(),
                        next.page().round());
            }
        }
        return escalated;
    }

    public Optional<OnCallPage> find(String alertId) {
        return Optional.ofNullable(mongo.findById(alertId, PageDocument.class, COLLECTION))
                .map(PageDocument::page);
    }

    private void planText(OnCallPage page, Instant due) {
        messages.plan(new PlannedMessage(
                page.id() + ":page:" + page.round(),
                MessageKind.ON_CALL_PAGE,
                // not a text to the patient: it stays off the patient's timeline and readiness
                ON_CALL + page.clinicId(),
                null,
                null,
                0,
                due,
                List.of(),
                page.pagedPhone(),
                true,
                properties.linkTo(page.id()),
                page.clinicId()));
    }

    private java.time.Duration escalateAfter() {
        return properties.escalateAfter();
    }

    private static List<OnCallPage.OnCall> rota(Clinic clinic) {
        return clinic.onCall().stream()
                .map(c -> new OnCallPage.OnCall(c.name(), c.phone()))
                .toList();
    }
}
