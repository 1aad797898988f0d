package com.seriescare.notification.dispatch;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/** Dispatch polls on a thread of its own: a hanging Twilio call holds up texts, not the outbox relay. */
@Configuration(proxyBeanMethods = false)
class DispatchScheduling {

    @Bean
    ThreadPoolTaskScheduler dispatchScheduler() {
        var scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(1);
        scheduler.setThreadNamePrefix("dispatch-");
        scheduler.setWaitForTasksToCompleteOnShutdown(true);
        scheduler.setAwaitTerminationSeconds(30);
        return scheduler;
    }
}
