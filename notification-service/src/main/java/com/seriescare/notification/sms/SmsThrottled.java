package com.seriescare.notification.sms;

import java.time.Duration;
import java.util.Optional;

/**
 * The provider asked to slow down (Twilio: HTTP 429, error 20429) and did not take the text. Nothing about the text
 * is wrong: it goes again once the sender's pause is over, and the refusal does not count as one of its attempts.
 */
public class SmsThrottled extends RuntimeException {

    private final Duration retryAfter;

    /** @param retryAfter how long the provider said to wait ({@code Retry-After}); null when it did not say */
    public SmsThrottled(Duration retryAfter, String message, Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
