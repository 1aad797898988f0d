package com.seriescare.intake.deadlines;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/** The deadline watch sweeps on a thread of its own, so a long sweep never holds up the outbox relay. */
@Configuration(proxyBeanMethods = false)
class DeadlineScheduling {

    @Bean
    ThreadPoolTaskScheduler deadlineScheduler() {
        var scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(1);
        scheduler.setThreadNamePrefix("deadlines-");
        scheduler.setWaitForTasksToCompleteOnShutdown(true);
        scheduler.setAwaitTerminationSeconds(10);
        return scheduler;
    }
}
