package com.seriescare.notification.sms;

import java.net.URI;

/** The port through which every text leaves: Twilio in production, a local sink in the dev stack. */
public interface SmsSender {

    /**
     * Where a text comes from: a number, a Twilio Messaging Service, or (both null) the deployment's default sender.
     */
    record From(String number, String messagingServiceSid) {

        public static final From DEFAULT = new From(null, null);
    }

    /**
     * Hands one text to the provider.
     *
     * @param from the clinic's sender
     * @param statusCallback where the provider reports delivery (queued, sent, delivered, failed)
     * @return the provider's id of the message
     * @throws SmsRejected when the provider refused it
     */
    String send(From from, String to, String body, URI statusCallback);

    /**
     * Whether the provider has a text to {@code to} whose body has this SHA-256 ({@link #fingerprint}), created since
     * {@code since}: asked before a text whose hand-over was cut short is sent again (docs/adr/0002).
     *
     * @return the provider's id of that text; empty when it has none
     * @throws RuntimeException when the provider cannot be asked now (then nothing is resent yet)
     */
    java.util.Optional<String> findAccepted(String to, String fingerprint, java.time.Instant since);

    /** A text's fingerprint: enough to recognise it among the provider's records without keeping its words. */
    static String fingerprint(String body) {
        try {
            var digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
