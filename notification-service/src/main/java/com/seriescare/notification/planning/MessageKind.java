package com.seriescare.notification.planning;

/** The kinds of text a patient receives. */
public enum MessageKind {
    /** Once per series, right after booking, listing every session. */
    BOOKING_CONFIRMATION,
    /** The evening before each session: eat light, hydrate, arrange a ride home. */
    PREP_TIPS
}
