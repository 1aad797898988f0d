package com.seriescare.notification.sms;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;
import java.net.URI;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.util.Timeout;

/** Sends texts with the Twilio SDK. */
class TwilioSmsSender implements SmsSender {

    /** Twilio errors that no retry can fix: invalid, non-mobile or unsubscribed number, and the like. */
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TwilioSmsSender.class);

    /** Any run of seven or more digits (with an optional +): a phone number, shown by its last two digits. */
    static String masked(String text) {
        return text == null
                ? null
                : java.util.regex.Pattern.compile("\\+?\\d{7,15}")
                        .matcher(text)
                        .replaceAll(number -> java.util.regex.Matcher.quoteReplacement(PhoneMask.mask(number.group())));
    }

    private final TwilioRestClient client;
    private final TwilioProperties properties;

    TwilioSmsSender(TwilioProperties properties) {
        this.properties = properties;
        var builder = new TwilioRestClient.Builder(properties.accountSid(), properties.authToken());
        // The SDK replaces each request's config, so the wait for Twilio's answer is set on the connections
        Timeout answer = Timeout.of(properties.responseTimeout());
        var http = HttpClientBuilder.create()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDefaultSocketConfig(
                                SocketConfig.custom().setSoTimeout(answer).build())
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.ofSeconds(5))
                                .setSocketTimeout(answer)
                                .build())
                        // texts are handed over concurrently (the pool's default is 2 connections per host)
                        .setMaxConnPerRoute(properties.maxConnections())
                        .setMaxConnTotal(properties.maxConnections())
                        .build());
        if (properties.apiBaseUrl() != null && !properties.apiBaseUrl().isBlank()) {
            // The SDK has no base-URL setting; route every request to the configured host instead
            HttpHost target = HttpHost.create(URI.create(properties.apiBaseUrl()));
            http.setRoutePlanner((host, context) -> new HttpRoute(target));
        }
        builder.httpClient(new RetryAfterRecordingClient(http));
        this.client = builder.build();
    }

    /**
     * Keeps each thread's last {@code Retry-After}: the SDK's exception for a 429 has no headers, and texts are sent from
     * several threads at once (the client's own "last response" is shared by them).
     */
    private static final class RetryAfterRecordingClient extends NetworkHttpClient {

        private static final ThreadLocal<java.time.Duration> RETRY_AFTER = new ThreadLocal<>();

        RetryAfterRecordingClient(HttpClientBuilder builder) {
            super(builder);
        }

        @Override
        public com.twilio.http.Response makeRequest(com.twilio.http.Request request) {
            RETRY_AFTER.remove();
            var response = super.makeRequest(request);
            if (response != null && response.getHeaders() != null) {
                for (var header : response.getHeaders()) {
                    if ("Retry-After".equalsIgnoreCase(header.getName())) {
                        RETRY_AFTER.set(retryAfter(header.getValue()));
                    }
                }
            }
            return response;
        }

        /** Seconds, as Twilio sends it (an HTTP date is read too); null when unreadable. */
        static java.time.Duration retryAfter(String value) {
            try {
                return java.time.Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
            } catch (NumberFormatException notSeconds) {
                try {
                    var at = java.time.ZonedDateTime.parse(
                            value.trim(), java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME);
                    return java.time.Duration.between(java.time.Instant.now(), at.toInstant())
                            .abs();
                } catch (java.time.format.DateTimeParseException unreadable) {
                    return null;
                }
            }
        }

        static java.time.Duration lastRetryAfter() {
            return RETRY_AFTER.get();
        }
    }

    /**
     * A failure to connect means nothing was sent: retry. Any other I/O failure (a timeout waiting for the answer, a
     * connection reset) may have come after Twilio took the text, so its outcome is unknown.
     */
    private static RuntimeException ioFailure(RuntimeException e) {
        if (causedBy(e, java.net.ConnectException.class)
                || causedBy(e, java.net.UnknownHostException.class)
                || causedBy(e, java.net.NoRouteToHostException.class)) {
            return new SmsRejected(0, false, "Twilio could not be reached", e);
        }
        return new SmsOutcomeUnknown(
                "No answer from Twilio; the text may have been accepted (" + e.getMessage() + ")", e);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Lists the recipient's latest messages (Twilio's list is newest first) and looks for one created since
     * {@code since} with the same words. Twilio's record has no trace of our status-callback URL, so recipient, time
     * and words identify the text.
     */
    @Override
    public java.util.Optional<String> findAccepted(String to, String fingerprint, java.time.Instant since) {
        try {
            for (Message message :
                    Message.reader().setTo(new PhoneNumber(to)).limit(50).read(client)) {
                boolean recent = message.getDateCreated() == null
                        || !message.getDateCreated().toInstant().isBefore(since);
                if (recent
                        && message.getBody() != null
                        && SmsSender.fingerprint(message.getBody()).equals(fingerprint)) {
                    return java.util.Optional.of(message.getSid());
                }
            }
            return java.util.Optional.empty();
        } catch (ApiException | ApiConnectionException e) {
            throw new IllegalStateException("Twilio's messages could not be listed: " + e.getMessage(), e);
        }
    }

    @Override
    public String send(From from, String to, String body, URI statusCallback) {
        // the clinic's own sender; the deployment's default for a clinic that names none
        String messagingService = from.messagingServiceSid() != null
                ? from.messagingServiceSid()
                : from.number() != null ? null : blankToNull(properties.messagingServiceSid());
        String number = from.number() != null ? from.number() : properties.fromNumber();
        var creator = messagingService != null
                ? Message.creator(new PhoneNumber(to), messagingService, body)
                : Message.creator(new PhoneNumber(to), new PhoneNumber(number), body);
        try {
            return creator.setStatusCallback(statusCallback).create(client).getSid();
        } catch (ApiException e) {
            if (e.getStatusCode() == null && causedBy(e, java.io.IOException.class)) {
                // no HTTP answer: the SDK wraps the I/O failure
                throw ioFailure(e);
            }
            int code = e.getCode() == null ? 0 : e.getCode();
            if (Integer.valueOf(429).equals(e.getStatusCode()) || code == 20429) {
                // the account's (or sender's) rate was passed: Twilio did not take the text
                throw new SmsThrottled(
                        RetryAfterRecordingClient.lastRetryAfter(), "Twilio asked to slow down (429)", e);
            }
            DeliveryError error = DeliveryError.of(code);
            boolean permanent = error.known()
                    ? error.permanent()
                    : e.getStatusCode() != null
                            && e.getStatusCode() >= 400
                            && e.getStatusCode() < 500
                            && e.getStatusCode() != 429;
            // Twilio's own message quotes the number: it goes to this log only, masked
            log.info("Twilio refused a text to {}: {}", PhoneMask.mask(to), masked(e.getMessage()));
            throw new SmsRejected(code, permanent, "Twilio refused the text: " + error.describe(), e);
        } catch (ApiConnectionException e) {
            throw ioFailure(e);
        }
    }
}
