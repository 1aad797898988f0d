package com.seriescare.intake.events;

import com.seriescare.contracts.ClinicEvent;
import com.seriescare.contracts.scheduling.BookedSession;
import com.seriescare.contracts.scheduling.SeriesBooked;
import com.seriescare.intake.intake.IntakeRequest;
import com.seriescare.intake.intake.IntakeRequests;
import java.time.Clock;
import java.util.Comparator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** What intake-service does with each scheduling event; idempotent, so redeliveries change nothing. */
@Component
class SchedulingEvents {

    private static final Logger log = LoggerFactory.getLogger(SchedulingEvents.class);

    private final IntakeRequests requests;
    private final Clock clock;

    SchedulingEvents(IntakeRequests requests, Clock clock) {
        this.requests = requests;
        this.clock = clock;
    }

    void on(ClinicEvent event) {
        if (event instanceof SeriesBooked booked) {
            var first = booked.sessions().stream()
                    .min(Comparator.comparing(BookedSession::start))
                    .orElseThrow();
            if (requests.request(
                    IntakeRequest.forSeries(booked.seriesId(), booked.patientId(), first.start(), clock.instant()))) {
                log.info("Intake requested for series {}", booked.seriesId());
            }
        }
    }
}
