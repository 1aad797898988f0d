package com.seriescare.notification.paging;

import com.seriescare.contracts.care.CareAlertAcknowledged;
import com.seriescare.contracts.care.CareAlertEscalated;
import com.seriescare.notification.planning.PageCode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The paging of one urgent care alert: who has been paged, when the next on the rota is, and who acknowledged it.
 * Stored by alert id, so an alert pages once however often it is raised (redelivered, or seen both from a reply and on
 * {@code care.alerts}).
 *
 * @param code a short code for the alert, in the page and in the clinician's "ACK" reply (no health information)
 * @param round how many pages have gone out: 1 for the first on-call, 2 after the first escalation, ...
 * @param escalateAt when the next on the rota is paged if nobody has acknowledged by then
 */
public record OnCallPage(
        String id,
        String clinicId,
        String patientId,
        String code,
        Instant raisedAt,
        int round,
        String pagedName,
        String pagedPhone,
        Instant escalateAt,
        Instant acknowledgedAt,
        String acknowledgedBy) {

    /** A clinician of the rota. */
    public record OnCall(String name, String phone) {}

    /** The first page of an alert: the first on the rota. */
    static OnCallPage first(
            String alertId, String clinicId, String patientId, List<OnCall> rota, Instant raisedAt, Duration wait) {
        OnCall first = rota.getFirst();
        return new OnCallPage(
                alertId,
                clinicId,
                patientId,
                PageCode.of(alertId),
                raisedAt,
                1,
                first.name(),
                first.phone(),
                raisedAt.plus(wait),
                null,
                null);
    }

    public boolean acknowledged() {
        return acknowledgedAt != null;
    }

    /** The next page, to the next clinician of the rota (round and round again until someone acknowledges it). */
    Escalation escalate(List<OnCall> rota, Instant now, Duration wait) {
        if (acknowledged()) {
            throw new IllegalStateException("Alert " + id + " was acknowledged: nobody is paged any more");
        }
        OnCall next = rota.get(round % rota.size());
        var page = new OnCallPage(
                id,
                clinicId,
                patientId,
                code,
                raisedAt,
                round + 1,
                next.name(),
                next.phone(),
                now.plus(wait),
                null,
                null);
        return new Escalation(page, new CareAlertEscalated(patientId, id, clinicId, next.name(), page.round(), now));
    }

    /** Acknowledged: paging stops. */
    Acknowledgement acknowledge(String by, String via, Instant at) {
        if (acknowledged()) {
            throw new IllegalStateException("Alert " + id + " was acknowledged by " + acknowledgedBy);
        }
        var page = new OnCallPage(
                id, clinicId, patientId, code, raisedAt, round, pagedName, pagedPhone, escalateAt, at, by);
        return new Acknowledgement(page, new CareAlertAcknowledged(patientId, id, clinicId, by, via, at));
    }

    record Escalation(OnCallPage page, CareAlertEscalated event) {}

    record Acknowledgement(OnCallPage page, CareAlertAcknowledged event) {}
}
