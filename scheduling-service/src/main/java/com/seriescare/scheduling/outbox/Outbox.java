package com.seriescare.scheduling.outbox;

import com.seriescare.contracts.ClinicEvent;
import com.seriescare.contracts.EventCodec;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/** Turns the events of a state change into outbox entries to save with that change. */
@Component
public class Outbox {

    private final EventCodec codec;
    private final Clock clock;

    Outbox(EventCodec codec, Clock clock) {
        this.codec = codec;
        this.clock = clock;
    }

    public List<PendingEvent> entriesFor(List<? extends ClinicEvent> events) {
        var now = clock.instant();
        // the real wall clock, not the injected one: it orders physical writes for the relay (see OutboxRelay)
        var writtenAt = Instant.now();
        return events.stream()
                .map(event -> PendingEvent.of(event, codec, now, writtenAt))
                .toList();
    }
}
