package com.seriescare.scheduling.outbox;

import com.seriescare.contracts.EventCodec;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OutboxConfiguration {

    @Bean
    EventCodec eventCodec() {
        return new EventCodec();
    }
}
