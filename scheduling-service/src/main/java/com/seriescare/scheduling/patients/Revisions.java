package com.seriescare.scheduling.patients;

import com.seriescare.scheduling.shared.InvalidInput;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/** A patient's revision as an HTTP entity tag ({@code "7"}), and back from {@code If-Match}. */
final class Revisions {

    private static final Pattern TAG = Pattern.compile("(?:W/)?\"(\\d{1,18})\"");

    private Revisions() {}

    static String etag(long revision) {
        return "\"" + revision + "\"";
    }

    /** Empty when no {@code If-Match} was sent or it is {@code *}; a tag that is not ours is a 400, not a guess. */
    static OptionalLong ifMatch(String header) {
        if (header == null || header.isBlank() || header.strip().equals("*")) {
            return OptionalLong.empty();
        }
        var matcher = TAG.matcher(header.strip());
        if (!matcher.matches()) {
            throw new InvalidInput("If-Match", "must be the ETag of a read of this patient, e.g. \"3\"");
        }
        return OptionalLong.of(Long.parseLong(matcher.group(1)));
    }
}
