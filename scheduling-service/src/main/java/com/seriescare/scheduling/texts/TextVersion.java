package com.seriescare.scheduling.texts;

import java.time.Instant;

/**
 * One version of a clinic's text: its words ({@code null} when it went back to the default), who made it and when.
 * Versions are only ever added, so the history says who changed what.
 */
public record TextVersion(
        String id,
        String clinicId,
        String kind,
        String language,
        long version,
        String template,
        String changedBy,
        Instant changedAt) {

    static String idOf(String clinicId, String kind, String language, long version) {
        return clinicId + "/" + kind + "/" + language + "/" + version;
    }

    public boolean isDefault() {
        return template == null;
    }
}
