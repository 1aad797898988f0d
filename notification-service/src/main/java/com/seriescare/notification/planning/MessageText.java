package com.seriescare.notification.planning;

import com.seriescare.texts.TextValues;
import com.seriescare.texts.Texts;
import com.seriescare.texts.Wording;

/**
 * The words of each text: the clinic's template for its kind and the patient's language where the clinic has one (a
 * clinic admin edits them in scheduling-service), else the default wording of {@link Texts}, which is discreet and fits
 * in {@link #MAX_SEGMENTS} segments. Worded when the text is sent, so the template in force then is the one used.
 */
public final class MessageText {

    private MessageText() {}

    /** A reminder fits in this many SMS segments (DOMAIN.md) unless its clinic sets another budget. */
    public static final int MAX_SEGMENTS = Texts.DEFAULT_SEGMENT_BUDGET;

    /** The text in its default words (see {@link Texts}). */
    public static String render(MessageKind kind, TextValues values) {
        return render(kind, values, null, MAX_SEGMENTS);
    }

    /**
     * The text in the clinic's words, its default when the clinic has none for the kind and language, kept within the
     * clinic's segment budget where names and series allow (see {@link Wording}).
     *
     * @param clinicTemplate the template in force at the patient's clinic; null for the default
     */
    public static String render(MessageKind kind, TextValues values, String clinicTemplate, int segmentBudget) {
        String template = clinicTemplate != null
                ? clinicTemplate
                : Texts.of(kindName(kind)).defaultIn(values.language());
        return Wording.render(template, values, segmentBudget);
    }

    /** The kind as the timeline, the API and the clinic's templates name it: {@code booking_confirmation}. */
    public static String kindName(MessageKind kind) {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
