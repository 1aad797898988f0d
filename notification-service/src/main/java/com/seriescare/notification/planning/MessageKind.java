package com.seriescare.notification.planning;

/** The kinds of text a patient receives. */
public enum MessageKind {
    /** Once per series, right after booking, listing every session. */
    BOOKING_CONFIRMATION,
    /** The evening before each session: eat light, hydrate, arrange a ride home. */
    PREP_TIPS,
    /** The answer to crisis language: 988, 911 and the clinic's phone, at once, whatever the hour. */
    CRISIS_RESPONSE,
    /** The answer to HELP: the clinic's name and phone. */
    HELP_RESPONSE
}
