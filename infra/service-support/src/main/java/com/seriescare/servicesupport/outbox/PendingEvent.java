package com.seriescare.servicesupport.outbox;

import com.seriescare.contracts.ClinicEvent;
import com.seriescare.contracts.EventCodec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * An event waiting in the outbox of the document whose change it describes. It is written in the same
 * single-document update as the change itself, so a change is never saved without its events, and the relay
 * publishes it afterwards (at least once; {@code eventId} becomes {@code ce_id}, stable across retries).
 *
 * @param key the Kafka record key: the patient id (a clinic's settings: the clinic id)
 * @param time when the change happened (business time, becomes {@code ce_time})
 * @param writtenAt wall-clock time the entry was written, which orders publishing (see {@link OutboxRelay})
 * @param body the CloudEvent data, JSON that follows the type's schema
 * @param actor who made the change: a user name, {@code patient} or {@code system} (the {@code actor} CloudEvents
 *     extension, {@code ce_actor}); null in entries written before actors were recorded
 * @param traceparent the W3C trace context the change was made in, continued when the event is published; null when
 *     there was none
 */
public record PendingEvent(
        String eventId,
        String ceType,
        String topic,
        String key,
        String subject,
        Instant time,
        Instant writtenAt,
        String body,
        String actor,
        String traceparent) {

    public static PendingEvent of(
            ClinicEvent event, EventCodec codec, Instant time, Instant writtenAt, String actor, String traceparent) {
        return new PendingEvent(
                UUID.randomUUID().toString(),
                event.type().ceType(),
                event.type().topic(),
                event.key(),
                event.subject(),
                time,
                writtenAt,
                new String(codec.encode(event), StandardCharsets.UTF_8),
                actor,
                traceparent);
    }
}
