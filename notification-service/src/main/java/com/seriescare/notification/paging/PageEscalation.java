package com.seriescare.notification.paging;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Looks every second, beside the dispatcher, for urgent alerts nobody acknowledged in time and for alerts that waited
 * for their clinic's rota.
 */
@Component
class PageEscalation {

    private final Paging paging;

    PageEscalation(Paging paging) {
        this.paging = paging;
    }

    @Scheduled(fixedDelayString = "${seriescare.paging.poll-interval:1s}", scheduler = "dispatchScheduler")
    void escalateDue() {
        paging.raiseWaiting();
        paging.escalateDue();
    }
}
