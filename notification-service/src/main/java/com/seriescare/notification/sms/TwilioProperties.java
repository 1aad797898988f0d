package com.seriescare.notification.sms;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Twilio settings ({@code seriescare.twilio.*}, from {@code TWILIO_*} environment variables). Without an account
 * SID texts go to the {@link LocalSmsSink}.
 *
 * @param fromNumber the sending number, E.164; or use {@code messagingServiceSid}
 * @param apiBaseUrl only for tests: a Twilio-compatible fake to talk to instead of {@code api.twilio.com}
 * @param responseTimeout how long to wait for Twilio's answer; after that the text is in doubt, not resent
 * @param maxConnections connections to Twilio kept open: at least as many as texts handed over at once
 *     ({@code seriescare.dispatch.concurrency})
 */
@ConfigurationProperties("seriescare.twilio")
public record TwilioProperties(
        String accountSid,
        String authToken,
        String fromNumber,
        String messagingServiceSid,
        String apiBaseUrl,

        @org.springframework.boot.context.properties.bind.DefaultValue("15s")
        java.time.Duration responseTimeout,

        @org.springframework.boot.context.properties.bind.DefaultValue("32")
        int maxConnections) {

    public boolean configured() {
        return accountSid != null && !accountSid.isBlank();
    }
}
