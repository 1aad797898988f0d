package com.seriescare.notification.planning;

/** The kinds of text a patient receives, and the page an urgent care alert sends the on-call clinician. */
public enum MessageKind {
    /** Once per series, right after booking, listing every session. */
    BOOKING_CONFIRMATION,
    /** The evening before each session: eat light, hydrate, arrange a ride home. */
    PREP_TIPS,
    /**
     * The evening before a session early in the day, when a reminder that morning would come too close to it: the
     * prep tips, the ride home, and "reply C to confirm" in one text (the day-of reminder folded in).
     */
    PREP_TIPS_AND_CONFIRM,
    /** A few hours before the session (never before the end of quiet hours that day): see you today, a ride home. */
    DAY_OF_REMINDER,
    /** Soon after the session ended: rest, journal, no driving today, the crisis line. */
    POST_SESSION,
    /** The next day: how are you feeling, 1 to 5. */
    NEXT_DAY_CHECK_IN,
    /** After sessions 2 to 4: strong emotions can surface, that is expected; the integration coach's contact. */
    MID_SERIES_NOTE,
    /** After the last session: integration and next steps. */
    END_OF_SERIES,
    /** The session moved: its new time. */
    SESSION_MOVED,
    /** The session was cancelled. */
    SESSION_CANCELLED,
    /** The link to the series' intake form. */
    INTAKE_LINK,
    /** The intake form is overdue: its link again. */
    INTAKE_OVERDUE,
    /** The link to a session's pre-visit checklist, a couple of days before it is due. */
    CHECKLIST_LINK,
    /** The checklist is overdue: its link again. */
    CHECKLIST_OVERDUE,
    /** The answer to crisis language: 988, 911 and the clinic's phone, at once, whatever the hour. */
    CRISIS_RESPONSE,
    /** The answer to HELP: the clinic's name and phone. */
    HELP_RESPONSE,
    /**
     * To the on-call clinician, not the patient: an urgent care alert, its code and a link to it in the web app; no
     * health information and no patient's name (a phone's lock screen shows it).
     */
    ON_CALL_PAGE;

    /**
     * Texts of a form link, planned from intake-service's topic: what they are for (the booking, and any consent
     * change before it) travels on scheduling-service's, which may be behind.
     */
    public boolean carriesAFormLink() {
        return this == INTAKE_LINK || this == INTAKE_OVERDUE || this == CHECKLIST_LINK || this == CHECKLIST_OVERDUE;
    }

    /** Texts about a session still to come: stale once it is cancelled or moved, never later than its start. */
    public boolean beforeSession() {
        return this == PREP_TIPS || this == PREP_TIPS_AND_CONFIRM || this == DAY_OF_REMINDER || this == SESSION_MOVED;
    }

    /**
     * Texts whose words name their day ("tomorrow", "today", "how are you feeling today"): true only on the local
     * day they were planned for, in the patient's zone. Such a text that cannot go out that day is dropped, never
     * sent the next morning or the evening before.
     */
    public boolean namesItsDay() {
        return this == PREP_TIPS
                || this == PREP_TIPS_AND_CONFIRM
                || this == DAY_OF_REMINDER
                || this == POST_SESSION
                || this == NEXT_DAY_CHECK_IN;
    }
}
