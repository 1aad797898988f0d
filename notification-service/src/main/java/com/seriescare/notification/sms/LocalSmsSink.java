package com.seriescare.notification.sms;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where texts go when no Twilio credentials are configured (the dev stack): they are logged and kept in memory,
 * readable at {@code GET /api/dev/sms}. Nothing leaves the machine.
 */
public class LocalSmsSink implements SmsSender {

    /**
     * A text as the sink received it.
     *
     * @param from the clinic's number it would have come from; null for the deployment's default sender
     */
    public record SinkMessage(String to, String body, Instant at, String from) {}

    private static final Logger log = LoggerFactory.getLogger(LocalSmsSink.class);

    private final List<SinkMessage> messages = new CopyOnWriteArrayList<>();
    private final Clock clock;

    public LocalSmsSink(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String send(From from, String to, String body, URI statusCallback) {
        messages.add(new SinkMessage(
                to, body, clock.instant(), from.number() != null ? from.number() : from.messagingServiceSid()));
        // the words stay out of the log (a form link is a patient's key; the words may say what they are treated
        // for): GET /api/dev/sms shows them on this machine
        log.info(
                "Local SMS sink (no Twilio credentials): text to {} ({} characters)",
                PhoneMask.mask(to),
                body.length());
        return "LOCAL" + UUID.randomUUID().toString().replace("-", "");
    }

    @Override
    public java.util.Optional<String> findAccepted(String to, String fingerprint, Instant since) {
        return java.util.Optional.empty(); // the sink never leaves a hand-over in doubt
    }

    /** Every text received, oldest first. */
    public List<SinkMessage> messages() {
        return List.copyOf(messages);
    }
}
