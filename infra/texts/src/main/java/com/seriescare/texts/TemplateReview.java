package com.seriescare.texts;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a template would send, and why it may not be used: a preview on a sample patient with its encoding and
 * segments, and every refusal in words a clinic admin can act on.
 *
 * @param preview the text as the sample patient would receive it
 * @param measure its encoding, length in the encoding's units, and segments
 * @param refusals why the template may not be used; empty when it may
 */
public record TemplateReview(String preview, SmsSegments measure, List<String> refusals) {

    public TemplateReview {
        refusals = List.copyOf(refusals);
    }

    public boolean accepted() {
        return refusals.isEmpty();
    }

    /**
     * Reviews {@code template} for {@code text}: only the text's variables, its required variables and words, none of
     * the clinic's discretion words, and within the clinic's segment budget for {@code sample}.
     */
    public static TemplateReview of(
            TextDefinition text, String template, List<String> discretionWords, int segmentBudget, TextValues sample) {
        List<String> refusals = new ArrayList<>();
        String words = template == null ? "" : template;
        if (words.isBlank()) {
            refusals.add("The text is empty.");
        }
        Set<String> named = new TextTemplate(words).variables();
        Set<String> allowed =
                text.variables().stream().map(TextVariable::name).collect(Collectors.toCollection(LinkedHashSet::new));
        named.stream()
                .filter(name -> !allowed.contains(name))
                .forEach(name -> refusals.add("{" + name + "} is not a variable of this text; it can use "
                        + text.variables().stream().map(TextVariable::written).collect(Collectors.joining(", "))
                        + "."));
        text.required().stream()
                .filter(variable -> !named.contains(variable.name()))
                .forEach(variable ->
                        refusals.add("The text must include " + variable.written() + " (" + variable.meaning() + ")."));
        text.mustSay().stream()
                .filter(required -> !words.contains(required))
                .forEach(required -> refusals.add("The text must keep \"" + required + "\" ("
                        + ("STOP".equals(required) ? "how to stop texts, which carriers require" : "the crisis line")
                        + ")."));
        indiscreet(words, discretionWords)
                .forEach(found -> refusals.add("\"" + found
                        + "\" is on this clinic's discretion list: a text may be read by someone else, so it must not"
                        + " name the drug, the treatment or a diagnosis."));
        String preview = Wording.render(words, sample, segmentBudget);
        SmsSegments measure = SmsSegments.of(preview);
        if (measure.segments() > segmentBudget) {
            refusals.add("The text takes " + measure.segments() + " SMS segments (" + measure.units() + " "
                    + (measure.encoding() == SmsSegments.Encoding.GSM_7 ? "GSM-7 characters" : "UCS-2 units")
                    + " for the sample patient); this clinic's budget is " + segmentBudget + "."
                    + (measure.encoding() == SmsSegments.Encoding.UCS_2
                            ? " A character outside GSM-7 (" + firstOutsideGsm7(preview)
                                    + ") makes it UCS-2, which halves what fits."
                            : ""));
        }
        return new TemplateReview(preview, measure, refusals);
    }

    /** The discretion words the template names, as written in it: each at the start of a word, in any case. */
    static List<String> indiscreet(String words, List<String> discretionWords) {
        Set<String> found = new LinkedHashSet<>();
        for (String word : discretionWords) {
            if (word == null || word.isBlank()) {
                continue;
            }
            Matcher matcher = Pattern.compile(
                            "(?<![\\p{L}\\p{N}])" + Pattern.quote(word.strip()) + "[\\p{L}]*",
                            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                    .matcher(words);
            if (matcher.find()) {
                found.add(matcher.group());
            }
        }
        return List.copyOf(found);
    }

    private static String firstOutsideGsm7(String text) {
        return text.codePoints()
                .filter(c -> !SmsSegments.isGsm7(new String(Character.toChars(c))))
                .mapToObj(c -> "\"" + new String(Character.toChars(c)) + "\"")
                .findFirst()
                .orElse("")
                .toLowerCase(Locale.ROOT);
    }
}
