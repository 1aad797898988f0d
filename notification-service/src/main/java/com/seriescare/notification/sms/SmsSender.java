package com.seriescare.notification.sms;

import java.net.URI;

/** The port through which every text leaves: Twilio in production, a local sink in the dev stack. */
public interface SmsSender {

    /**
     * Hands one text to the provider.
     *
     * @param statusCallback where the provider reports delivery (queued, sent, delivered, failed)
     * @return the provider's id of the message
     * @throws SmsRejected when the provider refused it
     */
    String send(String to, String body, URI statusCallback);
}
