package com.seriescare.notification.dispatch;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Dispatch settings ({@code seriescare.dispatch.*}).
 *
 * @param publicBaseUrl where Twilio reaches this service, for status callbacks ({@code PUBLIC_BASE_URL})
 * @param lease how long a claimed text stays with one instance before another may take it over
 * @param batchSize at most this many texts per poll, so one poll never runs for long
 * @param maxAttempts attempts before a text that keeps failing for passing reasons is given up
 * @param firstRetryDelay the delay before the first retry; it doubles with every attempt, with jitter
 * @param inDoubtResolution how long a text in doubt waits for Twilio's report before it is sent again (ADR 0002)
 * @param contactWait how long a text waits for its patient's contact details before it is given up; it is retried
 *     ever less often meanwhile (after as long again as it waited, between 30 s and 15 min)
 * @param concurrency texts handed to the provider at once by one instance (one patient's texts one after another)
 * @param messagesPerSecond how fast a sender may send when its clinic sets no rate of its own, all instances together:
 *     Twilio sends 1 message a second from a long code and queues (then refuses) the rest
 * @param turnWait a text waits this long at most for its sender's turn while leased; one whose turn is further away
 *     goes back in line until then (an urgent text waits for its turn, whatever it takes)
 * @param throttledPause how long a sender pauses after a 429 that named no {@code Retry-After}
 */
@ConfigurationProperties("seriescare.dispatch")
public record DispatchProperties(
        @DefaultValue("http://localhost:8083") URI publicBaseUrl,
        @DefaultValue("60s") Duration lease,
        @DefaultValue("50") int batchSize,
        @DefaultValue("6") int maxAttempts,
        @DefaultValue("10s") Duration firstRetryDelay,
        @DefaultValue("10m") Duration inDoubtResolution,
        @DefaultValue("24h") Duration contactWait,
        @DefaultValue("32") int concurrency,
        @DefaultValue("1") double messagesPerSecond,
        @DefaultValue("2s") Duration turnWait,
        @DefaultValue("1s") Duration throttledPause) {

    /** Where Twilio reports on this text; naming the text lets a report resolve a text in doubt (ADR 0002). */
    URI statusCallbackFor(String messageId) {
        return publicBaseUrl.resolve("/twilio/status?message=" + messageId);
    }
}
