package com.seriescare.notification.replies;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a reply. Crisis language is looked for first, anywhere in the text, so "stop, I want to end my life" is a
 * crisis, not an opt-out. Keywords must be the whole reply (any case, spacing, accents, trailing punctuation), as
 * carriers treat them; free text such as "please stop texting me" goes to a human rather than being guessed.
 */
public final class ReplyClassifier {

    /** The opt-out words carriers and Twilio recognise. */
    static final Set<String> STOP_WORDS = Set.of(
            "STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT", "OPT OUT", "STOP ALL");

    static final Set<String> START_WORDS = Set.of("START", "UNSTOP", "YES START");
    static final Set<String> HELP_WORDS = Set.of("HELP", "INFO", "AYUDA");
    static final Set<String> CONFIRM_WORDS = Set.of("C", "YES", "Y", "SI", "CONFIRM", "CONFIRMO");
    static final Set<String> RESCHEDULE_WORDS = Set.of("R", "RESCHEDULE", "REPROGRAMAR");
    private static final Pattern MOOD = Pattern.compile("^[1-5]$");

    private final List<String> crisisPhrases;

    /** @param crisisPhrases phrases in any language, matched case- and accent-insensitively anywhere in the reply */
    public ReplyClassifier(List<String> crisisPhrases) {
        this.crisisPhrases = crisisPhrases.stream().map(ReplyClassifier::fold).toList();
    }

    public ReplyIntent classify(String body) {
        String folded = fold(body == null ? "" : body);
        if (crisisPhrases.stream().anyMatch(folded::contains)) {
            return ReplyIntent.CRISIS;
        }
        String keyword = folded.replaceAll("[\\p{Punct}\\s]+$", "")
                .replaceAll("^[\\p{Punct}\\s]+", "")
                .replaceAll("\\s+", " ")
                .toUpperCase(Locale.ROOT);
        if (STOP_WORDS.contains(keyword)) {
            return ReplyIntent.STOP;
        }
        if (START_WORDS.contains(keyword)) {
            return ReplyIntent.START;
        }
        if (HELP_WORDS.contains(keyword)) {
            return ReplyIntent.HELP;
        }
        if (CONFIRM_WORDS.contains(keyword)) {
            return ReplyIntent.CONFIRM;
        }
        if (RESCHEDULE_WORDS.contains(keyword)) {
            return ReplyIntent.RESCHEDULE;
        }
        if (MOOD.matcher(keyword).matches()) {
            return ReplyIntent.MOOD;
        }
        return ReplyIntent.OTHER;
    }

    /** Lower case, without accents, with curly apostrophes made straight and runs of spaces collapsed. */
    static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return decomposed
                .replace('’', '\'')
                .replace('‘', '\'')
                .toLowerCase(Locale.ROOT)
                .replaceAll("\\s+", " ")
                .strip();
    }
}
