package com.seriescare.servicesupport.outbox;

import com.seriescare.contracts.ClinicEvent;
import com.seriescare.contracts.EventCodec;
import com.seriescare.servicesupport.tracing.TraceParents;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Turns the events of a state change into outbox entries to save with that change. */
public class Outbox {

    private final EventCodec codec;
    private final Clock clock;
    private final TraceParents traces;

    public Outbox(EventCodec codec, Clock clock, TraceParents traces) {
        this.codec = codec;
        this.clock = clock;
        this.traces = traces;
    }

    public List<PendingEvent> entriesFor(List<? extends ClinicEvent> events) {
        var now = clock.instant();
        // the real wall clock, not the injected one: it orders physical writes for the relay (see OutboxRelay)
        var writtenAt = Instant.now();
        String actor = com.seriescare.servicesupport.audit.Actors.current();
        String traceparent = traces.current();
        return events.stream()
                .map(event -> PendingEvent.of(event, codec, now, writtenAt, actor, traceparent))
                .toList();
    }
}
