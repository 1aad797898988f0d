package com.seriescare.notification.replies;

/** What a patient's text reply means for us. */
public enum ReplyIntent {
    /** Words that may signal a crisis: a clinician is alerted at once and the crisis resources are sent back. */
    CRISIS,
    /** STOP or a synonym: consent is revoked at once and nothing pending is sent. */
    STOP,
    /** START or UNSTOP: consent is restored. */
    START,
    /** HELP: the clinic's name and phone are sent back. */
    HELP,
    /** C, YES, SI: the next session is confirmed. */
    CONFIRM,
    /** R: the patient wants another time; the front desk calls back. */
    RESCHEDULE,
    /** A single digit 1 to 5 after a check-in: how the patient feels. */
    MOOD,
    /** Anything else: a human reads it. Never answered with a canned "invalid reply". */
    OTHER,
    /** Not a patient's reply: the paged on-call clinician acknowledging an urgent care alert. */
    ACK;

    /** Whether someone at the clinic must read and handle it. */
    public boolean needsHuman() {
        return this == CRISIS || this == RESCHEDULE || this == OTHER;
    }
}
