package com.seriescare.notification.paging;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Looks every second for urgent alerts nobody acknowledged in time, beside the dispatcher. */
@Component
class PageEscalation {

    private final Paging paging;

    PageEscalation(Paging paging) {
        this.paging = paging;
    }

    @Scheduled(fixedDelayString = "${seriescare.paging.poll-interval:1s}", scheduler = "dispatchScheduler")
    void escalateDue() {
        paging.escalateDue();
    }
}
