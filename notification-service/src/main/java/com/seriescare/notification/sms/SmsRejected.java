package com.seriescare.notification.sms;

/**
 * The provider refused a text.
 *
 * @see #permanent() whether sending the same text again can succeed
 */
public class SmsRejected extends RuntimeException {

    private final int code;
    private final boolean permanent;

    public SmsRejected(int code, boolean permanent, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.permanent = permanent;
    }

    /** The provider's error code, e.g. Twilio's 21211 (invalid number); 0 when there is none. */
    public int code() {
        return code;
    }

    public boolean permanent() {
        return permanent;
    }
}
