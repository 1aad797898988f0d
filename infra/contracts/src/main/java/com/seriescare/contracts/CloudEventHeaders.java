package com.seriescare.contracts;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The CloudEvents attributes of a record in Kafka binary mode. Header values arrive as text from Spring
 * producers and as raw bytes from any other producer; both are read the same way. On the wire the prefix is
 * {@code ce_}; Spring Cloud Function hands CloudEvents to functions with its canonical {@code ce-} prefix, so
 * both are accepted.
 *
 * @param actor who made the change (the extension attribute {@code actor}: a user name, {@code patient} or
 *     {@code system}); null on records published before actors were recorded and by producers that do not say
 */
public record CloudEventHeaders(String id, String type, String source, String subject, String time, String actor) {

    public static final String PREFIX = "ce_";

    private static final List<String> PREFIXES = List.of(PREFIX, "ce-");

    /** Reads the attributes through a header look-up; absent ones are null. */
    public static CloudEventHeaders read(Function<String, Object> header) {
        return new CloudEventHeaders(
                attribute(header, "id"),
                attribute(header, "type"),
                attribute(header, "source"),
                attribute(header, "subject"),
                attribute(header, "time"),
                attribute(header, "actor"));
    }

    private static String attribute(Function<String, Object> header, String name) {
        return PREFIXES.stream()
                .map(prefix -> text(header.apply(prefix + name)))
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    private static String text(Object value) {
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value == null ? null : value.toString();
    }
}
