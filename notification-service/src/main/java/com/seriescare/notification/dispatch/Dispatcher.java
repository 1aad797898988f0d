package com.seriescare.notification.dispatch;

import com.seriescare.notification.clinic.Clinic;
import com.seriescare.notification.clinic.ClinicDirectory;
import com.seriescare.notification.consent.TextingConsent;
import com.seriescare.notification.patients.PatientContact;
import com.seriescare.notification.patients.PatientContacts;
import com.seriescare.notification.planning.MessageKind;
import com.seriescare.notification.planning.MessageText;
import com.seriescare.notification.planning.PageCode;
import com.seriescare.notification.planning.QuietHours;
import com.seriescare.notification.planning.TextSpacing;
import com.seriescare.notification.sessions.SessionViews;
import com.seriescare.notification.sms.SmsOutcomeUnknown;
import com.seriescare.notification.sms.SmsRejected;
import com.seriescare.notification.sms.SmsSender;
import com.seriescare.notification.sms.SmsThrottled;
import com.seriescare.servicesupport.tracing.TraceParents;
import com.seriescare.texts.TextValues;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends due texts. Each is claimed under a lease, checked once more right before sending (is consent still
 * given?), marked as being sent, handed to the provider, then marked sent. A text whose hand-over was cut short
 * by a crash is marked in doubt instead of being sent twice.
 *
 * <p>A poll claims a batch and hands its texts over side by side ({@code concurrency} at once; Twilio takes 100-300 ms
 * a request), one patient's texts one after another so that the spacing between them is decided on what went before.
 * Each sender sends no faster than its rate, shared by all instances ({@link SendingRates}); when Twilio still says 429
 * the sender pauses as long as it asks, and the text goes back in line without losing an attempt.
 */
@Component
public class Dispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    /** Twilio error codes with consequences beyond the one text. */
    static final int UNSUBSCRIBED = 21610;

    static final int INVALID_NUMBER = 21211;
    static final int NOT_A_MOBILE = 21614;

    private final OutgoingMessages messages;
    private final PatientContacts contacts;
    private final TextingConsent consent;
    private final SessionViews sessions;
    private final SmsSender sender;
    private final ClinicDirectory clinics;
    private final DispatchProperties properties;
    private final TextSpacing spacing;
    private final Clock clock;
    private final TraceParents traces;
    private final SendingRates rates;
    private final String instance = "dispatcher-" + UUID.randomUUID();
    /** Where texts are handed over; a new one after a stop, which closed the last. */
    private volatile ExecutorService handingOver = Executors.newVirtualThreadPerTaskExecutor();

    private final Semaphore permits;
    /** Texts of this instance's batches waiting or being handed over, by patient. */
    private final Map<String, Integer> patientsInFlight = new ConcurrentHashMap<>();

    private final Lock[] patientLocks = new Lock[64];
    private volatile boolean stopping;

    Dispatcher(
            OutgoingMessages messages,
            PatientContacts contacts,
            TextingConsent consent,
            SessionViews sessions,
            SmsSender sender,
            ClinicDirectory clinics,
            DispatchProperties properties,
            TextSpacing spacing,
            Clock clock,
            TraceParents traces,
            SendingRates rates) {
        this.messages = messages;
        this.contacts = contacts;
        this.consent = consent;
        this.sessions = sessions;
        this.sender = sender;
        this.clinics = clinics;
        this.properties = properties;
        this.spacing = spacing;
        this.clock = clock;
        this.traces = traces;
        this.rates = rates;
        this.permits = new Semaphore(Math.max(1, properties.concurrency()));
        Arrays.setAll(patientLocks, n -> new ReentrantLock());
    }

    /**
     * Polls for due texts. A full batch means more is due: the next batch is leased as soon as this one's texts have
     * all begun (at most {@code concurrency} of them still in Twilio's hands), not a poll later, so a backlog goes out
     * at the sender's rate instead of stalling between batches.
     */
    @Scheduled(fixedDelayString = "${seriescare.dispatch.poll-interval:500ms}", scheduler = "dispatchScheduler")
    void dispatchDue() {
        Batch batch;
        do {
            batch = dispatchBatch();
            batch.awaitStarted();
        } while (batch.size() == properties.batchSize() && !stopping);
    }

    /** Sends what is due now, up to one batch, and waits for it; returns how many texts were handled. */
    public int dispatchOnce() {
        Batch batch = dispatchBatch();
        batch.awaitFinished();
        return batch.size();
    }

    /** A leased batch being handed over: when all its patients' turns have begun, and when all have ended. */
    private record Batch(int size, CountDownLatch started, CountDownLatch finished) {

        void awaitStarted() {
            await(started);
        }

        void awaitFinished() {
            await(finished);
        }

        private static void await(CountDownLatch latch) {
            try {
                latch.await();
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt(); // the leases run out and the texts are taken up again
            }
        }
    }

    /**
     * Leases a batch and hands its texts over side by side ({@code concurrency} at once), each patient's one after
     * another. Synchronized: what a patient's first text decides its spacing on is read while no other batch of this
     * instance can start one of theirs.
     */
    private synchronized Batch dispatchBatch() {
        if (stopping) {
            return new Batch(0, new CountDownLatch(0), new CountDownLatch(0));
        }
        messages.markAbandonedSendsInDoubt(clock.instant());
        resolveInDoubt();
        List<OutgoingMessage> leased =
                messages.leaseDue(instance, clock.instant(), properties.lease(), properties.batchSize());
        Map<String, List<OutgoingMessage>> byPatient = leased.stream()
                .collect(Collectors.groupingBy(
                        message -> Objects.requireNonNullElse(
                                message.plan().patientId(), message.plan().planKey()),
                        LinkedHashMap::new,
                        Collectors.toList()));
        // a patient whose text of an earlier batch is still on its way: what is read now would be out of date by the
        // time theirs comes, so their first text asks the store afresh, as later ones do
        Set<String> busy = Set.copyOf(patientsInFlight.keySet());
        // what each patient's first text of the batch decides its spacing on; a later one asks the store afresh, as
        // the texts before it have just moved
        Map<String, List<OutgoingMessage>> patientsTexts = messages.ofPatients(leased.stream()
                .map(message -> message.plan().patientId())
                .filter(Objects::nonNull)
                .filter(patient -> !busy.contains(patient))
                .distinct()
                .toList());
        var batch =
                new Batch(leased.size(), new CountDownLatch(byPatient.size()), new CountDownLatch(byPatient.size()));
        for (var patient : byPatient.entrySet()) {
            patientsInFlight.merge(patient.getKey(), 1, Integer::sum);
            handingOver.execute(() -> {
                permits.acquireUninterruptibly();
                Lock turn = patientLocks[Math.floorMod(patient.getKey().hashCode(), patientLocks.length)];
                // one patient's texts one after another, across batches too: taken before the batch counts as
                // begun, so a later batch's text of the patient cannot overtake this one
                turn.lock();
                batch.started().countDown();
                try {
                    List<OutgoingMessage> readAtLease = patientsTexts.get(patient.getKey());
                    boolean first = true;
                    for (OutgoingMessage text : patient.getValue()) {
                        dispatchInItsTrace(
                                text,
                                first && readAtLease != null
                                        ? () -> readAtLease
                                        : () -> messages.forPatient(text.plan().patientId()));
                        first = false;
                    }
                } finally {
                    turn.unlock();
                    patientsInFlight.computeIfPresent(patient.getKey(), (p, n) -> n == 1 ? null : n - 1);
                    permits.release();
                    batch.finished().countDown();
                }
            });
        }
        return batch;
    }

    /** Stops leasing; the texts already leased are handed over before the application stops. */
    @Override
    public void stop() {
        stopping = true;
        synchronized (this) {
            // a batch being leased has been handed to the executor once this is reached
        }
        handingOver.close(); // waits for the texts in Twilio's hands
    }

    @Override
    public synchronized void start() {
        if (handingOver.isShutdown()) {
            handingOver = Executors.newVirtualThreadPerTaskExecutor();
        }
        stopping = false;
    }

    @Override
    public boolean isRunning() {
        return !stopping;
    }

    /**
     * Texts in doubt with no report from the provider after {@code inDoubtResolution}: the provider's records settle
     * them. One it has is sent (no resend); one it has no record of is planned again; when it cannot be asked, they
     * wait for the next round (docs/adr/0002-texts-in-doubt.md).
     */
    private void resolveInDoubt() {
        Instant now = clock.instant();
        for (OutgoingMessage inDoubt : messages.inDoubtSince(now.minus(properties.inDoubtResolution()))) {
            if (inDoubt.sentTo() == null || inDoubt.fingerprint() == null) {
                messages.replanInDoubt(inDoubt, now); // handed over before texts kept their fingerprint
                continue;
            }
            Optional<String> found;
            try {
                Instant since = (inDoubt.handedOverAt() != null ? inDoubt.handedOverAt() : inDoubt.dueAt())
                        .minus(Duration.ofMinutes(5));
                found = sender.findAccepted(inDoubt.sentTo(), inDoubt.fingerprint(), since);
            } catch (RuntimeException cannotAsk) {
                log.warn("Text {} stays in doubt: {}", inDoubt.id(), cannotAsk.getMessage());
                continue;
            }
            if (found.isPresent()) {
                messages.settleFoundInProviderRecords(inDoubt, found.get(), now);
                log.info("Text {} was in doubt and is in the provider's records as {}", inDoubt.id(), found.get());
            } else if (messages.replanInDoubt(inDoubt, now)) {
                log.info("Text {} was in doubt and the provider has no record of it: sending again", inDoubt.id());
            }
        }
    }

    /**
     * @param patientsTexts the patient's texts, for the spacing between them: as read with the batch for their first
     *     text, from the store for a later one (the texts before it have just moved)
     */
    private void dispatchInItsTrace(OutgoingMessage message, Supplier<List<OutgoingMessage>> patientsTexts) {
        try {
            // in the trace the text was planned in: the booking's, or the reply's, down to the provider's call
            traces.continuing(
                    message.traceparent(), "dispatch " + message.plan().kind(), () -> dispatch(message, patientsTexts));
        } catch (RuntimeException e) {
            // e.g. the store went away mid-way: the lease runs out and the text is taken up again (or found in doubt)
            log.error(
                    "Text {} could not be dispatched now; it is taken up again when its lease runs out",
                    message.id(),
                    e);
        }
    }

    private void dispatch(OutgoingMessage message, Supplier<List<OutgoingMessage>> patientsTexts) {
        Optional<PatientContact> contact = contacts.find(message.plan().patientId());
        if (message.plan().isReply()) {
            // the answer comes from the clinic whose number was texted, in its words
            String clinicId = message.plan().clinicId() != null
                    ? message.plan().clinicId()
                    : contact.map(PatientContact::clinicId).orElse(null);
            Optional<Clinic> clinic = clinics.find(clinicId);
            if (clinic.isEmpty()) {
                waitForClinic(message, clinicId);
                return;
            }
            send(
                    message,
                    clinic.get(),
                    message.plan().to(),
                    contact.map(PatientContact::firstName).orElse(""),
                    contact.map(PatientContact::language).orElse("en"),
                    contact.map(PatientContact::timeZone)
                            .orElse(clinic.get().timeZone().getId()));
            return;
        }
        if (contact.isEmpty()) {
            waitForContact(message);
            return;
        }
        if (message.plan().kind().carriesAFormLink()
                && !sessions.knowsSeries(message.plan().seriesId())) {
            // the link came on intake's topic ahead of the booking on scheduling's: a consent withdrawn just before
            // the booking is not known here yet, so what we know of the patient may be out of date. Wait for it.
            waitForContact(message);
            return;
        }
        Optional<Clinic> clinic = clinics.find(contact.get().clinicId());
        if (clinic.isEmpty()) {
            waitForClinic(message, contact.get().clinicId());
            return;
        }
        QuietHours quietHours = clinic.get().quietHours();
        Optional<String> stale = staleBecause(message);
        if (stale.isPresent()) {
            cancel(message, stale.get());
            return;
        }
        PatientContact patient = contact.get();
        Optional<String> refused = consent.refusal(patient);
        if (refused.isPresent()) {
            cancel(message, refused.get());
            return;
        }
        ZoneId zone = ZoneId.of(patient.timeZone());
        Optional<String> untrue = wordsUntrueToday(message, zone);
        if (untrue.isPresent()) {
            cancel(message, untrue.get());
            return;
        }
        if (!message.plan().urgent() && quietHours.contains(clock.instant(), zone)) {
            // it became due in quiet hours (a retry, a late event, a changed zone): wait for the morning
            Instant morning = quietHours.firstAllowedAfter(clock.instant(), zone);
            if (message.plan().kind().beforeSession()
                    && morning.isAfter(message.plan().sessionStarts().getFirst())) {
                cancel(message, "only quiet hours were left before the session");
            } else if (message.plan().kind().namesItsDay()
                    && !morning.atZone(zone).toLocalDate().equals(plannedDay(message, zone))) {
                cancel(message, "quiet hours left no time for it on " + plannedDay(message, zone));
            } else {
                messages.apply(
                        message,
                        message.holdUntil(morning, OutgoingMessage.HELD_FOR_QUIET_HOURS + zone, clock.instant()));
            }
            return;
        }
        if (!message.plan().urgent() && !spacedOut(message, zone, quietHours, patientsTexts)) {
            return;
        }
        send(message, clinic.get(), patient.mobilePhone(), patient.firstName(), patient.language(), patient.timeZone());
    }

    /**
     * The clinic's settings have not arrived yet (scheduling-service publishes them at start-up): a text must not go
     * out in another clinic's name, so it waits for them. A text whose words stop being true meanwhile is cancelled by
     * the checks above when its turn comes again.
     */
    private void waitForClinic(OutgoingMessage message, String clinicId) {
        Instant now = clock.instant();
        messages.apply(
                message, message.holdUntil(now.plus(MIN_CONTACT_RETRY), "waiting for the clinic's settings", now));
        log.warn("Text {} waits: no settings of clinic {} yet", message.id(), clinicId);
    }

    /**
     * Keeps at most two non-urgent texts a day and two hours between them (see {@link TextSpacing}): false when the
     * text was held or dropped instead of sent now.
     */
    private boolean spacedOut(
            OutgoingMessage message,
            ZoneId zone,
            QuietHours quietHours,
            Supplier<List<OutgoingMessage>> patientsTexts) {
        Instant now = clock.instant();
        Instant from = now.minus(Duration.ofHours(26));
        Instant to = now.plus(Duration.ofHours(26));
        var neighbours = OutgoingMessages.neighboursAmong(message, patientsTexts.get(), from, now, to);
        Optional<Instant> mustArriveBefore = message.plan().kind().beforeSession()
                ? Optional.of(message.plan().sessionStarts().getFirst())
                : Optional.empty();
        var decision = spacing.decide(
                message.plan().kind(),
                now,
                zone,
                neighbours.sent(),
                neighbours.planned(),
                mustArriveBefore,
                quietHours);
        switch (decision) {
            case TextSpacing.Decision.Send send -> {
                return true;
            }
            case TextSpacing.Decision.Wait wait ->
                messages.apply(message, message.holdUntil(wait.until(), wait.reason(), now));
            case TextSpacing.Decision.Drop drop -> cancel(message, drop.reason());
        }
        return false;
    }

    /**
     * A text whose words name its day ("tomorrow", "today") goes out on that local day or not at all: after an
     * outage or a long hold, "see you today" the next morning would send the patient to the clinic on the wrong day.
     */
    private Optional<String> wordsUntrueToday(OutgoingMessage message, ZoneId zone) {
        if (!message.plan().kind().namesItsDay()) {
            return Optional.empty();
        }
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        LocalDate planned = plannedDay(message, zone);
        return today.equals(planned)
                ? Optional.empty()
                : Optional.of("its words were for " + planned + " and it is " + today + " for the patient");
    }

    private static LocalDate plannedDay(OutgoingMessage message, ZoneId zone) {
        return message.plan().dueAt().atZone(zone).toLocalDate();
    }

    /**
     * The patient's details (or the booking a form link is for) have not arrived yet (events of other patients may be
     * ahead of them, or a rebalance holds them back): try again, ever less often, and give up once they are overdue by
     * far, saying so on the timeline.
     */
    private void waitForContact(OutgoingMessage message) {
        Instant now = clock.instant();
        Instant since = message.waitingForContactSince() == null ? now : message.waitingForContactSince();
        Duration waited = Duration.between(since, now);
        if (waited.compareTo(properties.contactWait()) >= 0) {
            cancel(message, "the patient's contact details never arrived (waited " + waited.toHours() + " h)");
            log.warn("Text {} given up: no contact details for its patient", message.id());
            return;
        }
        Duration next = waited.compareTo(MIN_CONTACT_RETRY) < 0
                ? MIN_CONTACT_RETRY
                : waited.compareTo(MAX_CONTACT_RETRY) > 0 ? MAX_CONTACT_RETRY : waited;
        if (messages.apply(message, message.waitForContact(now.plus(next), now))
                && contacts.find(message.plan().patientId()).isPresent()
                && (!message.plan().kind().carriesAFormLink()
                        || sessions.knowsSeries(message.plan().seriesId()))) {
            // what it waits for arrived while it was being looked for, and that news may have found it still leased
            // (so not waiting): it must not wait for its next try
            messages.endWaits(message.plan().patientId(), now);
        }
    }

    static final Duration MIN_CONTACT_RETRY = Duration.ofSeconds(30);

    /** How long an urgent alert takes to reach the on-call clinician's phone (target: under 5 seconds). */
    private static final io.micrometer.core.instrument.Timer PAGE_LATENCY = io.micrometer.core.instrument.Timer.builder(
                    "seriescare.crisis.page.latency")
            .description("From a patient's urgent words to the first page handed to the SMS provider")
            .publishPercentileHistogram()
            .maximumExpectedValue(Duration.ofMinutes(1))
            .register(io.micrometer.core.instrument.Metrics.globalRegistry);

    static final Duration MAX_CONTACT_RETRY = Duration.ofMinutes(15);

    private void cancel(OutgoingMessage message, String reason) {
        messages.apply(message, message.cancel(reason, clock.instant()));
    }

    private void send(
            OutgoingMessage message, Clinic clinic, String to, String firstName, String language, String timeZone) {
        // worded now, not when planned: the clinic's template in force at sending is the one used
        String body = MessageText.render(
                message.plan().kind(),
                new TextValues(
                        firstName,
                        language,
                        ZoneId.of(timeZone),
                        clinic.shortName(),
                        clinic.displayPhone(),
                        clinic.displayCoachPhone(),
                        message.plan().link(),
                        message.plan().kind() == MessageKind.ON_CALL_PAGE
                                ? PageCode.of(message.plan()
                                        .planKey()
                                        .substring(0, message.plan().planKey().indexOf(':')))
                                : null,
                        message.plan().sessionStarts()),
                clinic.template(MessageText.kindName(message.plan().kind()), language)
                        .orElse(null),
                clinic.segmentBudget());
        Clinic.Sender from = clinic.sender();
        if (!awaitTurn(message, from)) {
            return;
        }
        Instant now = clock.instant();
        if (!messages.apply(
                message, message.handOver(to, SmsSender.fingerprint(body), now.plus(properties.lease()), now))) {
            return; // our lease ran out and another instance has it now
        }
        OutgoingMessage sending = message.inStatus(MessageStatus.SENDING);
        try {
            String providerId = sender.send(
                    new SmsSender.From(clinic.sender().number(), clinic.sender().messagingServiceSid()),
                    to,
                    body,
                    properties.statusCallbackFor(message.id()));
            // sent as of the hand-over: what spacing and the timeline go by
            messages.apply(sending, sending.sent(providerId, now));
            if (message.plan().kind() == MessageKind.ON_CALL_PAGE
                    && message.plan().planKey().endsWith(":page:1")) {
                // from the patient's words (the page is due when they arrived) to the page in Twilio's hands
                PAGE_LATENCY.record(Duration.between(message.plan().dueAt(), clock.instant()));
            }
            log.info("Sent {} {} (provider id {})", message.plan().kind(), message.id(), providerId);
        } catch (SmsThrottled throttled) {
            Duration pause = throttled.retryAfter().orElse(properties.throttledPause());
            rates.pauseUntil(from.rateKey(), Instant.now().plus(pause));
            messages.apply(sending, sending.throttled(Instant.now().plus(pause)));
            log.info("Text {} waits {} ms: Twilio asked to slow down (429)", message.id(), pause.toMillis());
        } catch (SmsRejected rejected) {
            handleRejection(sending, rejected);
        } catch (SmsOutcomeUnknown unknown) {
            messages.apply(sending, sending.inDoubt(unknown.getMessage(), clock.instant()));
            log.warn("Text {} is in doubt: {}", message.id(), unknown.getMessage());
        }
    }

    /**
     * Waits for the sender's next turn when it comes soon; otherwise puts the text back in line until then and returns
     * false. An urgent text (a crisis answer, a page) takes its turn however long the wait: the turns handed out never
     * reach further than {@code turnWait} ahead, unless Twilio asked the sender to pause.
     */
    private boolean awaitTurn(OutgoingMessage message, Clinic.Sender from) {
        Duration wait = message.plan().urgent() ? URGENT_TURN_WAIT : properties.turnWait();
        var turn = rates.take(from.rateKey(), from.messagesPerSecondOr(properties.messagesPerSecond()), wait);
        switch (turn) {
            case SendingRates.Turn.Busy busy -> {
                messages.apply(message, message.waitForTurn(busy.from()));
                return false;
            }
            case SendingRates.Turn.Granted granted -> {
                Duration until = Duration.between(Instant.now(), granted.at());
                if (until.isPositive()) {
                    try {
                        Thread.sleep(until);
                    } catch (InterruptedException stopping) {
                        Thread.currentThread().interrupt();
                        return false; // the lease runs out and the text is taken up again
                    }
                }
                return true;
            }
        }
    }

    /** Well within the lease, so that an urgent text waiting for its turn is not taken up by another instance. */
    private static final Duration URGENT_TURN_WAIT = Duration.ofSeconds(20);

    /**
     * Why a text about a coming session should no longer go out: the session was cancelled, moved, checked in or
     * missed since it was planned, or it has begun (the text came due late, e.g. after an outage). Its words
     * ("tomorrow", "today at 9:00") would no longer be true.
     */
    private Optional<String> staleBecause(OutgoingMessage message) {
        if (!message.plan().kind().beforeSession()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (!message.plan().sessionStarts().isEmpty()
                && !now.isBefore(message.plan().sessionStarts().getFirst())) {
            return Optional.of("the session had begun when the text could go out (it was due " + message.dueAt() + ")");
        }
        String sessionId = message.plan().sessionId();
        if (sessionId == null) {
            return Optional.empty();
        }
        return sessions.find(sessionId).flatMap(session -> {
            switch (session.status()) {
                case booked -> {
                    // still to come: the checks below
                }
                case arrived -> {
                    return Optional.of("the patient has checked in");
                }
                case fulfilled -> {
                    return Optional.of("the session took place");
                }
                case cancelled -> {
                    return Optional.of("the session was cancelled");
                }
                case noshow -> {
                    return Optional.of("the patient missed the session");
                }
            }
            if (session.revision() != message.plan().sessionRevision()) {
                return Optional.of("the session was moved after this text was planned");
            }
            if (!now.isBefore(session.start())) {
                return Optional.of("the session had begun when the text could go out");
            }
            return Optional.empty();
        });
    }

    private void handleRejection(OutgoingMessage message, SmsRejected rejected) {
        String patientId = message.plan().patientId();
        if (rejected.code() == UNSUBSCRIBED) {
            // the number replied STOP at the carrier: honour it for the number, at once
            contacts.find(patientId)
                    .ifPresent(contact -> consent.carrierOptOut(contact.mobilePhone(), clock.instant()));
        } else if (rejected.code() == INVALID_NUMBER || rejected.code() == NOT_A_MOBILE) {
            consent.numberCannotReceive(
                    patientId,
                    rejected.code() == INVALID_NUMBER ? "invalid number (21211)" : "not a mobile number (21614)");
        }
        int attempts = message.attempts() + 1;
        if (rejected.permanent() || attempts >= properties.maxAttempts()) {
            messages.apply(message, message.failed(rejected.getMessage(), clock.instant()));
            log.warn("Text {} failed for good after {} attempt(s): {}", message.id(), attempts, rejected.getMessage());
            return;
        }
        Duration delay = backoff(attempts);
        messages.apply(
                message,
                message.holdUntil(
                        clock.instant().plus(delay),
                        "retrying in " + delay.toSeconds() + " s: " + rejected.getMessage(),
                        clock.instant()));
        log.info("Text {} refused for now ({}); retry in {}", message.id(), rejected.code(), delay);
    }

    /** Exponential (first delay × 2^(attempt-1)) with up to 50% jitter, capped at 15 minutes. */
    private Duration backoff(int attempt) {
        long base = properties.firstRetryDelay().toMillis() << Math.min(attempt - 1, 16);
        long capped = Math.min(base, Duration.ofMinutes(15).toMillis());
        return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
    }
}
