package com.seriescare.scheduling.events;

import com.seriescare.contracts.ClinicEvent;
import com.seriescare.contracts.EventCodec;
import com.seriescare.contracts.care.CareAlertRaised;
import com.seriescare.contracts.care.PatientWordsRecorded;
import com.seriescare.contracts.intake.ChecklistCompleted;
import com.seriescare.contracts.intake.ChecklistOverdue;
import com.seriescare.contracts.intake.ChecklistRequested;
import com.seriescare.contracts.intake.IntakeCompleted;
import com.seriescare.contracts.intake.IntakeFlagged;
import com.seriescare.contracts.intake.IntakeOverdue;
import com.seriescare.contracts.intake.IntakeReviewed;
import com.seriescare.contracts.notification.InboundMessageReceived;
import com.seriescare.contracts.notification.MessageStatusChanged;
import com.seriescare.contracts.notification.SessionConfirmationReceived;
import com.seriescare.scheduling.history.PatientHistory;
import com.seriescare.scheduling.inbox.Inbox;
import com.seriescare.scheduling.patients.Patients;
import com.seriescare.scheduling.readiness.ReadinessProjection;
import com.seriescare.scheduling.series.PatientReplies;
import com.seriescare.scheduling.timeline.MessageTimeline;
import com.seriescare.servicesupport.audit.Actors;
import com.seriescare.servicesupport.events.CloudEventConsumers;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** The Kafka consumers of scheduling-service: intake and notification events and care alerts, decoded and handed on. */
@Configuration(proxyBeanMethods = false)
class InboundEvents {

    @Bean
    Consumer<Message<byte[]>> intakeEvents(
            EventCodec codec, ReadinessProjection readiness, Inbox inbox, PatientHistory history) {
        return CloudEventConsumers.withAttributes(codec, (event, attributes) -> {
            // a form sent, answers looked at or reviewed: in the patient's history with who did it
            history.learn(event, attributes);
            switch (event) {
                case IntakeCompleted completed -> readiness.on(completed);
                case ChecklistCompleted completed -> readiness.on(completed);
                case ChecklistRequested requested -> readiness.on(requested);
                case ChecklistOverdue overdue -> readiness.on(overdue);
                case IntakeOverdue overdue -> readiness.on(overdue);
                case IntakeFlagged flagged -> readiness.on(flagged);
                case IntakeReviewed reviewed -> {
                    readiness.on(reviewed);
                    // reviewed in intake's API rather than from the alert: the alert is done too
                    inbox.on(reviewed);
                }
                default -> {
                    // other intake events do not concern scheduling
                }
            }
        });
    }

    @Bean
    Consumer<Message<byte[]>> notificationEvents(
            EventCodec codec,
            ReadinessProjection readiness,
            MessageTimeline timeline,
            Inbox inbox,
            PatientReplies replies,
            Patients patients) {
        return CloudEventConsumers.decodingWith(codec, (ClinicEvent event) -> {
            switch (event) {
                case MessageStatusChanged changed -> {
                    readiness.on(changed);
                    timeline.on(changed);
                }
                // what a patient's text changes here (a confirmation, a STOP) is the patient's doing
                case SessionConfirmationReceived confirmation ->
                    Actors.as(Actors.PATIENT, () -> replies.on(confirmation));
                case InboundMessageReceived reply ->
                    Actors.as(Actors.PATIENT, () -> {
                        inbox.on(reply);
                        // STOP and START change the patient's consent here too, so the front desk sees it at once
                        switch (reply.intent()) {
                            case "stop" ->
                                patients.recordConsentFromPatient(reply.patientId(), false, reply.receivedAt());
                            case "start" ->
                                patients.recordConsentFromPatient(reply.patientId(), true, reply.receivedAt());
                            default -> {
                                // nothing else in a reply changes the patient's record
                            }
                        }
                    });
                default -> {
                    // other notification events do not concern scheduling
                }
            }
        });
    }

    /** What patients wrote, for the inbox alone (the topic only this service may read). */
    @Bean
    Consumer<Message<byte[]>> patientWords(EventCodec codec, Inbox inbox) {
        return CloudEventConsumers.decodingWith(codec, (ClinicEvent event) -> {
            if (event instanceof PatientWordsRecorded words) {
                inbox.on(words);
            }
        });
    }

    @Bean
    Consumer<Message<byte[]>> careAlerts(EventCodec codec, Inbox inbox) {
        return CloudEventConsumers.decodingWith(codec, (ClinicEvent event) -> {
            switch (event) {
                case CareAlertRaised alert -> inbox.on(alert);
                case com.seriescare.contracts.care.CareAlertAcknowledged ack -> inbox.on(ack);
                case com.seriescare.contracts.care.CareAlertEscalated escalated -> inbox.on(escalated);
                default -> {
                    // its own handling (CareAlertHandled) comes back too: nothing to do
                }
            }
        });
    }
}
