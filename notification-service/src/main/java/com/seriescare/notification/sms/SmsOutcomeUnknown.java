package com.seriescare.notification.sms;

/**
 * The provider may or may not have accepted the text (e.g. the answer timed out). Sending it again could make a
 * duplicate; see docs/adr/0002-texts-in-doubt.md for how such a text is resolved.
 */
public class SmsOutcomeUnknown extends RuntimeException {

    public SmsOutcomeUnknown(String message, Throwable cause) {
        super(message, cause);
    }
}
