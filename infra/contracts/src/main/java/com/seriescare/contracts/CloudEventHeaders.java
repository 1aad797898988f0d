package com.seriescare.contracts;

import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * The CloudEvents attributes of a record in Kafka binary mode. Header values arrive as text from Spring
 * producers and as raw bytes from any other producer; both are read the same way.
 */
public record CloudEventHeaders(String id, String type, String source, String subject, String time) {

    public static final String PREFIX = "ce_";

    /** Reads the attributes through a header look-up; absent ones are null. */
    public static CloudEventHeaders read(Function<String, Object> header) {
        return new CloudEventHeaders(
                text(header.apply(PREFIX + "id")),
                text(header.apply(PREFIX + "type")),
                text(header.apply(PREFIX + "source")),
                text(header.apply(PREFIX + "subject")),
                text(header.apply(PREFIX + "time")));
    }

    private static String text(Object value) {
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value == null ? null : value.toString();
    }
}
