package com.seriescare.scheduling.timeline;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * One text to a patient as the front desk sees it: what it is for, when it is due, and every step it took (planned,
 * sent, delivered, failed, cancelled...) with why. Steps may arrive twice or out of order; {@link #status()} is the
 * furthest step, so a late "sent" never hides a "delivered".
 *
 * @param kind what the text is for, e.g. {@code prep_tips}
 * @param sessionId the session it is about; null for a series-wide text or a reply
 */
public record TextHistory(
        String messageId,
        String patientId,
        String kind,
        String seriesId,
        String sessionId,
        Instant dueAt,
        List<Step> steps) {

    /** A status the text reached, when, and why (for cancelled, failed, in doubt). */
    public record Step(String status, Instant at, String reason) {}

    private static final List<String> ORDER =
            List.of("planned", "in_doubt", "sent", "undelivered", "failed", "delivered", "cancelled");

    public TextHistory {
        steps = steps == null
                ? List.of()
                : steps.stream()
                        .sorted(Comparator.comparing(Step::at).thenComparing(step -> rank(step.status())))
                        .toList();
    }

    /** The furthest step reached. */
    public Step latest() {
        return steps.stream()
                .max(Comparator.comparing((Step step) -> rank(step.status())).thenComparing(Step::at))
                .orElse(new Step("planned", dueAt, null));
    }

    public String status() {
        return latest().status();
    }

    /** Why it ended as it did, in words for the front desk; null when nothing needs explaining. */
    public String reason() {
        return latest().reason();
    }

    /** When it went (or is to go) out: for the timeline's order. */
    public Instant when() {
        return dueAt != null ? dueAt : latest().at();
    }

    /** Not yet out, and not stopped: it will go unless something changes. */
    public boolean pending() {
        return status().equals("planned");
    }

    private static int rank(String status) {
        int index = ORDER.indexOf(status);
        return index >= 0 ? index : ORDER.size();
    }
}
