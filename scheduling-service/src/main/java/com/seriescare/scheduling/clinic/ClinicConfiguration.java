package com.seriescare.scheduling.clinic;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ClinicConfiguration {

    @Bean
    Clinic clinic(ClinicProperties properties) {
        return properties.toClinic();
    }
}
