package com.seriescare.notification.replies;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a reply. Crisis language is looked for first, anywhere in the text, so "stop, I want to end my life" is a
 * crisis, not an opt-out. A crisis phrase matches whole words only, after case, accents, apostrophes and punctuation
 * are folded away: "end it all" is found in "I want to END IT ALL!!", not in "please send it all". Keywords must be
 * the whole reply (any case, spacing, accents, trailing punctuation), as carriers treat them; free text such as
 * "please stop texting me" goes to a human rather than being guessed.
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

    /** Each phrase as its words, padded with a space on both sides, so that only whole words match. */
    private final List<String> crisisPhrases;

    /** @param crisisPhrases phrases in any language, matched as whole words anywhere in the reply */
    public ReplyClassifier(List<String> crisisPhrases) {
        this.crisisPhrases = crisisPhrases.stream()
                .map(ReplyClassifier::words)
                .filter(phrase -> !phrase.isBlank())
                .map(phrase -> " " + phrase + " ")
                .toList();
    }

    public ReplyIntent classify(String body) {
        String text = " " + words(body == null ? "" : body) + " ";
        if (crisisPhrases.stream().anyMatch(text::contains)) {
            return ReplyIntent.CRISIS;
        }
        String keyword = keyword(body);
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

    /** The mood a reply rates (1 to 5), as {@link ReplyIntent#MOOD} reads it: "1", "1." or " 2! " alike. */
    public static OptionalInt moodOf(String body) {
        String keyword = keyword(body);
        return MOOD.matcher(keyword).matches() ? OptionalInt.of(Integer.parseInt(keyword)) : OptionalInt.empty();
    }

    /** The whole reply as a keyword: folded, upper case, without punctuation or spaces around it. */
    private static String keyword(String body) {
        return fold(body == null ? "" : body)
                .replaceAll("[\\p{Punct}\\s]+$", "")
                .replaceAll("^[\\p{Punct}\\s]+", "")
                .replaceAll("\\s+", " ")
                .toUpperCase(Locale.ROOT);
    }

    /**
     * The reply's words, folded, separated by single spaces: apostrophes vanish ("don't" reads "dont"), any other
     * character that is not a letter or digit separates words.
     */
    static String words(String text) {
        return fold(text).replace("'", "").replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
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
