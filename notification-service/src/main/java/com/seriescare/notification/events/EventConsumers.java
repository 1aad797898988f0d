package com.seriescare.notification.events;

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

    /** Intake's news (nothing to text there any more: the links come on their own topic). */
    @Bean
    Consumer<Message<byte[]>> intakeEvents(EventCodec codec, SchedulingEvents handler) {
        return CloudEventConsumers.decodingWith(codec, handler::on);
    }

    /** Each clinic's settings, from scheduling-service: what texts say and where they come from. */
    @Bean
    Consumer<Message<byte[]>> clinicSettings(EventCodec codec, SchedulingEvents handler) {
        return CloudEventConsumers.decodingWith(codec, handler::on);
    }

    /** Care alerts: an urgent one pages the clinic's on-call clinician; an acknowledgement in the web app stops it. */
    @Bean
    Consumer<Message<byte[]>> careAlerts(EventCodec codec, SchedulingEvents handler) {
        return CloudEventConsumers.decodingWith(codec, handler::on);
    }

    /** Form links to text, from the topic only this service reads. */
    @Bean
    Consumer<Message<byte[]>> formLinks(EventCodec codec, SchedulingEvents handler) {
        return CloudEventConsumers.decodingWith(codec, handler::on);
    }
}
