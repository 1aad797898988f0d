package com.seriescare.texts;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One kind of text as a clinic can word it.
 *
 * @param kind as in the timeline and the API, e.g. {@code booking_confirmation}
 * @param label what the clinic admin sees
 * @param variables what its template may name
 * @param required variables its template must name (a form link text without the link is no use)
 * @param mustSay words it must keep, e.g. STOP in the first text (carriers require the opt-out) or 988 in the crisis
 *     answer
 * @param editable false for texts a clinic may not reword (the on-call page carries no patient information by design)
 * @param defaults the default template per language
 */
public record TextDefinition(
        String kind,
        String label,
        List<TextVariable> variables,
        List<TextVariable> required,
        List<String> mustSay,
        boolean editable,
        Map<String, String> defaults) {

    public TextDefinition {
        variables = List.copyOf(variables);
        required = List.copyOf(required);
        mustSay = List.copyOf(mustSay);
        defaults = Map.copyOf(defaults);
    }

    /** The default template in {@code language}, English for a language without its own. */
    public String defaultIn(String language) {
        return Optional.ofNullable(defaults.get(language)).orElse(defaults.get(Texts.ENGLISH));
    }
}
