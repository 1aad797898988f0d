package com.seriescare.notification.replies;

import com.seriescare.contracts.ClinicEvent;
import com.seriescare.contracts.care.CareAlertRaised;
import com.seriescare.contracts.care.PatientWordsRecorded;
import com.seriescare.contracts.notification.InboundMessageReceived;
import com.seriescare.contracts.notification.SessionConfirmationReceived;
import com.seriescare.notification.clinic.Clinic;
import com.seriescare.notification.clinic.ClinicDirectory;
import com.seriescare.notification.consent.TextingConsent;
import com.seriescare.notification.dispatch.OutgoingMessages;
import com.seriescare.notification.paging.Paging;
import com.seriescare.notification.patients.PatientContact;
import com.seriescare.notification.patients.PatientContacts;
import com.seriescare.notification.planning.MessageKind;
import com.seriescare.notification.planning.PlannedMessage;
import com.seriescare.notification.sessions.SessionViews;
import com.seriescare.servicesupport.audit.Actors;
import com.seriescare.servicesupport.outbox.Outbox;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/**
 * Everything that happens when a patient texts us, whichever way the text arrived (Twilio's webhook or the dev
 * stack's simulator). The reply and its events are stored in one document, so none is lost; a provider message id
 * seen before is ignored, so Twilio's retries do nothing twice.
 */
@Service
public class InboundReplies {

    static final String COLLECTION = "inbound_messages";

    /** How long after a check-in a lone digit is read as its answer. */
    static final java.time.Duration CHECK_IN_ANSWER_WINDOW = java.time.Duration.ofHours(48);

    private static final Logger log = LoggerFactory.getLogger(InboundReplies.class);

    /** How an inbound text is stored: what came in, what we read, and the events to publish. */
    record InboundMessage(
            String id,
            String providerId,
            String fromPhone,
            String body,
            ReplyIntent intent,
            List<String> patientIds,
            Instant receivedAt,
            List<com.seriescare.servicesupport.outbox.PendingEvent> outbox) {}

    private final ReplyClassifier classifier;
    private final ClinicDirectory clinics;
    private final Paging paging;
    private final PatientContacts contacts;
    private final TextingConsent consent;
    private final SessionViews sessions;
    private final OutgoingMessages messages;
    private final Outbox outbox;
    private final MongoTemplate mongo;
    private final Clock clock;

    InboundReplies(
            RepliesProperties properties,
            ClinicDirectory clinics,
            Paging paging,
            PatientContacts contacts,
            TextingConsent consent,
            SessionViews sessions,
            OutgoingMessages messages,
            Outbox outbox,
            MongoTemplate mongo,
            Clock clock) {
        this.classifier = new ReplyClassifier(properties.crisisPhrases());
        this.clinics = clinics;
        this.paging = paging;
        this.contacts = contacts;
        this.consent = consent;
        this.sessions = sessions;
        this.messages = messages;
        this.outbox = outbox;
        this.mongo = mongo;
        this.clock = clock;
        // Twilio retries a webhook it thinks failed: the same MessageSid must be handled once
        mongo.indexOps(COLLECTION)
                .createIndex(new org.springframework.data.mongodb.core.index.Index(
                                "providerId", org.springframework.data.domain.Sort.Direction.ASC)
                        .unique());
    }

    /**
     * @param toPhone the clinic number the patient texted: the reply belongs to that clinic (its patients with this
     *     phone, its inbox, its answer); null for the deployment's default sender
     * @param providerId the provider's id of the inbound text (Twilio's MessageSid), so retries are recognised
     */
    public ReplyIntent receive(String fromPhone, String toPhone, String body, String providerId) {
        // what follows from a text (a STOP, a confirmation, an alert) is the patient's doing in the audit trail
        return Actors.as(Actors.PATIENT, () -> read(fromPhone, toPhone, body, providerId));
    }

    private ReplyIntent read(String fromPhone, String toPhone, String body, String providerId) {
        Instant now = clock.instant();
        // the on-call clinician answering a page: no patient's reply
        if (paging.acknowledgeBySms(fromPhone, body)) {
            return ReplyIntent.ACK;
        }
        List<String> reached =
                clinics.textedAt(toPhone).stream().map(Clinic::id).toList();
        // a phone shared by patients of two clinics: the number texted tells which clinic's patients wrote
        List<PatientContact> senders = contacts.withPhone(fromPhone).stream()
                .filter(contact ->
                        reached.isEmpty() || contact.clinicId() == null || reached.contains(contact.clinicId()))
                .toList();
        // a stranger's text shows in the inbox of the clinic it was sent to, not in every clinic's
        String clinicOfStranger = reached.isEmpty() ? null : reached.getFirst();
        ReplyIntent intent = inContext(classifier.classify(body), senders, now);
        String inboundId = UUID.randomUUID().toString();
        List<ClinicEvent> events = new ArrayList<>();
        List<String> patientIds = senders.isEmpty()
                ? List.of(InboundMessageReceived.UNKNOWN_SENDER)
                : senders.stream().map(PatientContact::patientId).toList();
        String last4 = fromPhone.length() >= 4 ? fromPhone.substring(fromPhone.length() - 4) : fromPhone;
        // the words travel apart from the news, on the topic only the clinic's inbox reads (health data)
        for (String patientId : patientIds) {
            events.add(new InboundMessageReceived(
                    patientId,
                    inboundId,
                    intent.name().toLowerCase(Locale.ROOT),
                    intent.needsHuman(),
                    last4,
                    now,
                    clinicOf(patientId, senders, clinicOfStranger)));
            events.add(new PatientWordsRecorded(patientId, inboundId, body, now));
        }
        List<CareAlertRaised> urgent = new ArrayList<>();
        if (intent == ReplyIntent.CRISIS) {
            for (String patientId : patientIds) {
                String alertId = UUID.randomUUID().toString();
                var alert = new CareAlertRaised(
                        patientId,
                        alertId,
                        "crisis_language",
                        "urgent",
                        now,
                        clinicOf(patientId, senders, clinicOfStranger));
                events.add(alert);
                urgent.add(alert);
                events.add(new PatientWordsRecorded(patientId, alertId, body, now));
            }
        }
        if (intent == ReplyIntent.MOOD) {
            int mood = ReplyClassifier.moodOf(body).orElseThrow();
            if (mood <= 2) {
                for (String patientId : patientIds) {
                    String alertId = UUID.randomUUID().toString();
                    // the lowest mood is as urgent as crisis words: a clinician is paged at any hour
                    var alert = new CareAlertRaised(
                            patientId,
                            alertId,
                            "low_mood",
                            mood == 1 ? "urgent" : "high",
                            now,
                            clinicOf(patientId, senders, clinicOfStranger));
                    events.add(alert);
                    if (mood == 1) {
                        urgent.add(alert);
                    }
                    events.add(new PatientWordsRecorded(patientId, alertId, "Mood " + mood + " of 5", now));
                }
            }
        }
        if (intent == ReplyIntent.CONFIRM) {
            for (PatientContact sender : senders) {
                sessions.nextBooked(sender.patientId(), now)
                        .ifPresent(next -> events.add(new SessionConfirmationReceived(
                                sender.patientId(), next.seriesId(), next.sessionId(), now)));
            }
        }
        try {
            mongo.insert(
                    new InboundMessage(
                            inboundId, providerId, fromPhone, body, intent, patientIds, now, outbox.entriesFor(events)),
                    COLLECTION);
        } catch (DuplicateKeyException seenBefore) {
            return intent;
        }
        act(
                intent,
                inboundId,
                senders,
                fromPhone,
                clinicOf(
                        senders.isEmpty()
                                ? InboundMessageReceived.UNKNOWN_SENDER
                                : senders.getFirst().patientId(),
                        senders,
                        clinicOfStranger),
                now);
        // at once, not after the alert's trip through the outbox and the broker: the page must go out within seconds
        urgent.forEach(alert -> paging.raise(alert.alertId(), alert.clinicId(), alert.patientId(), now));
        log.info("Reply {} read as {} for {} patient(s)", inboundId, intent, senders.size());
        return intent;
    }

    /** A lone digit is a mood only as the answer to a check-in we sent; otherwise a human reads it. */
    private ReplyIntent inContext(ReplyIntent intent, List<PatientContact> senders, Instant now) {
        if (intent == ReplyIntent.MOOD
                && senders.stream()
                        .noneMatch(sender -> messages.sentSince(
                                sender.patientId(),
                                MessageKind.NEXT_DAY_CHECK_IN,
                                now.minus(CHECK_IN_ANSWER_WINDOW)))) {
            return ReplyIntent.OTHER;
        }
        return intent;
    }

    private static String clinicOf(String patientId, List<PatientContact> senders, String clinicOfStranger) {
        return senders.stream()
                .filter(sender -> sender.patientId().equals(patientId) && sender.clinicId() != null)
                .map(PatientContact::clinicId)
                .findFirst()
                .orElse(clinicOfStranger);
    }

    private void act(
            ReplyIntent intent,
            String inboundId,
            List<PatientContact> senders,
            String fromPhone,
            String clinicId,
            Instant now) {
        String patientId = senders.isEmpty()
                ? InboundMessageReceived.UNKNOWN_SENDER
                : senders.getFirst().patientId();
        switch (intent) {
            case CRISIS ->
                messages.plan(PlannedMessage.reply(
                        inboundId, MessageKind.CRISIS_RESPONSE, patientId, fromPhone, clinicId, now));
            case HELP ->
                messages.plan(PlannedMessage.reply(
                        inboundId, MessageKind.HELP_RESPONSE, patientId, fromPhone, clinicId, now));
            case STOP -> consent.stopFrom(fromPhone, inboundId, now);
            case START -> consent.startFrom(fromPhone, inboundId, now);
            default -> {
                // confirmations, moods and texts for a human travel as events
            }
        }
    }
}
