package com.seriescare.scheduling.readiness;

import java.time.Instant;
import java.util.List;

/**
 * The latest news of a text about a session. Events may come twice or out of order: for the same message a status
 * only moves forward; between messages the later one wins.
 *
 * @param reason why it was not delivered, failed or was stopped (e.g. Twilio's error, in words); null otherwise
 */
public record LastText(String messageId, String kind, String status, Instant at, String reason) {

    private static final List<String> FORWARD = List.of("planned", "sent", "undelivered", "failed", "delivered");

    /** Which of the two is the news to keep; either may be null (nothing known yet). */
    static LastText newer(LastText known, LastText incoming) {
        if (known == null) {
            return incoming;
        }
        if (incoming == null) {
            return known;
        }
        if (known.messageId().equals(incoming.messageId())) {
            return rank(incoming.status()) > rank(known.status()) ? incoming : known;
        }
        return incoming.at().isAfter(known.at()) ? incoming : known;
    }

    private static int rank(String status) {
        // cancelled and in_doubt are final for a text that never reached the phone
        int index = FORWARD.indexOf(status);
        return index >= 0 ? index : FORWARD.size();
    }
}
