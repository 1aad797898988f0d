package com.seriescare.notification.dispatch;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Dispatch polls on threads of its own: a hanging Twilio call holds up texts, not the outbox relay. Two threads: a
 * backlog being dispatched batch after batch does not hold up the escalation of an unanswered page.
 */
@Configuration(proxyBeanMethods = false)
class DispatchScheduling {

    @Bean
    ThreadPoolTaskScheduler dispatchScheduler() {
        var scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(2);
        scheduler.setThreadNamePrefix("dispatch-");
        scheduler.setWaitForTasksToCompleteOnShutdown(true);
        scheduler.setAwaitTerminationSeconds(30);
        return scheduler;
    }
}
