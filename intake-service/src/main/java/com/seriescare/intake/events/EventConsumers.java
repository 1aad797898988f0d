package com.seriescare.intake.events;

import com.seriescare.contracts.EventCodec;
import com.seriescare.servicesupport.events.CloudEventConsumers;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** The Kafka consumers (Spring Cloud Stream functions): decode, then hand to the domain. */
@Configuration(proxyBeanMethods = false)
class EventConsumers {

    @Bean
    Consumer<Message<byte[]>> sessionEvents(EventCodec codec, SchedulingEvents handler) {
        return CloudEventConsumers.decodingWith(codec, handler::on);
    }

    /** Care alerts as the clinic handles them: a handled review alert is the form's review. */
    @Bean
    Consumer<Message<byte[]>> careAlerts(EventCodec codec, CareAlertEvents handler) {
        return CloudEventConsumers.decodingWith(codec, handler::on);
    }

    /** Each clinic's settings, from scheduling-service: what the forms show and when they are due. */
    @Bean
    Consumer<Message<byte[]>> clinicSettings(EventCodec codec, com.seriescare.intake.clinics.Clinics clinics) {
        return CloudEventConsumers.decodingWith(codec, event -> {
            if (event instanceof com.seriescare.contracts.clinic.ClinicSettingsPublished settings) {
                clinics.apply(settings);
            }
        });
    }
}
