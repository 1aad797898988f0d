package com.seriescare.texts;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text's words with named variables in braces: {@code Hi {firstName}, see you today at {time}.} Rendering puts each
 * variable's value in its place; a brace that does not enclose a variable name is written as it is.
 */
public record TextTemplate(String source) {

    private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

    public TextTemplate {
        if (source == null) {
            throw new IllegalArgumentException("a template needs its words");
        }
    }

    /** The variables it names, in the order they first appear. */
    public Set<String> variables() {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = VARIABLE.matcher(source);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** The words with each variable replaced by its value; a variable without a value is left as written. */
    public String render(Map<String, String> values) {
        return VARIABLE.matcher(source).replaceAll(match -> {
            String value = values.get(match.group(1));
            return Matcher.quoteReplacement(value == null ? match.group() : value);
        });
    }
}
