package com.seriescare.contracts;

import com.seriescare.contracts.care.CareAlertAcknowledged;
import com.seriescare.contracts.care.CareAlertEscalated;
import com.seriescare.contracts.care.CareAlertHandled;
import com.seriescare.contracts.care.CareAlertRaised;
import com.seriescare.contracts.care.PatientWordsRecorded;
import com.seriescare.contracts.clinic.ClinicSettingsPublished;
import com.seriescare.contracts.intake.ChecklistCompleted;
import com.seriescare.contracts.intake.ChecklistOverdue;
import com.seriescare.contracts.intake.ChecklistRequested;
import com.seriescare.contracts.intake.FormAnswersViewed;
import com.seriescare.contracts.intake.FormLinkIssued;
import com.seriescare.contracts.intake.IntakeCompleted;
import com.seriescare.contracts.intake.IntakeFlagged;
import com.seriescare.contracts.intake.IntakeOverdue;
import com.seriescare.contracts.intake.IntakeRequested;
import com.seriescare.contracts.intake.IntakeReviewed;
import com.seriescare.contracts.notification.InboundMessageReceived;
import com.seriescare.contracts.notification.MessageStatusChanged;
import com.seriescare.contracts.notification.SessionConfirmationReceived;
import com.seriescare.contracts.scheduling.PatientContactChanged;
import com.seriescare.contracts.scheduling.PatientRegistered;
import com.seriescare.contracts.scheduling.SeriesBooked;
import com.seriescare.contracts.scheduling.SessionCancelled;
import com.seriescare.contracts.scheduling.SessionCheckedIn;
import com.seriescare.contracts.scheduling.SessionCompleted;
import com.seriescare.contracts.scheduling.SessionConfirmed;
import com.seriescare.contracts.scheduling.SessionMissed;
import com.seriescare.contracts.scheduling.SessionRescheduled;
import com.seriescare.contracts.scheduling.SessionScheduled;
import com.seriescare.contracts.scheduling.SmsConsentChanged;
import java.util.Arrays;
import java.util.Optional;

/**
 * Every published event type: its CloudEvents {@code type} (versioned; a breaking change is a new version
 * published side by side), the topic it goes to, its payload record and its JSON Schema.
 */
public enum EventType {
    PATIENT_REGISTERED("clinic.patient.registered.v1", Topics.SESSION_EVENTS, PatientRegistered.class),
    PATIENT_CONTACT_CHANGED("clinic.patient.contact-changed.v1", Topics.SESSION_EVENTS, PatientContactChanged.class),
    SMS_CONSENT_CHANGED("clinic.patient.sms-consent-changed.v1", Topics.SESSION_EVENTS, SmsConsentChanged.class),
    SERIES_BOOKED("clinic.series.booked.v1", Topics.SESSION_EVENTS, SeriesBooked.class),
    SESSION_SCHEDULED("clinic.session.scheduled.v1", Topics.SESSION_EVENTS, SessionScheduled.class),
    SESSION_RESCHEDULED("clinic.session.rescheduled.v1", Topics.SESSION_EVENTS, SessionRescheduled.class),
    SESSION_CANCELLED("clinic.session.cancelled.v1", Topics.SESSION_EVENTS, SessionCancelled.class),
    SESSION_CHECKED_IN("clinic.session.checked-in.v1", Topics.SESSION_EVENTS, SessionCheckedIn.class),
    SESSION_COMPLETED("clinic.session.completed.v1", Topics.SESSION_EVENTS, SessionCompleted.class),
    SESSION_MISSED("clinic.session.missed.v1", Topics.SESSION_EVENTS, SessionMissed.class),
    SESSION_CONFIRMED("clinic.session.confirmed.v1", Topics.SESSION_EVENTS, SessionConfirmed.class),
    INTAKE_REQUESTED("clinic.intake.requested.v1", Topics.INTAKE_EVENTS, IntakeRequested.class),
    FORM_LINK_ISSUED("clinic.form-link.issued.v1", Topics.FORM_LINKS, FormLinkIssued.class),
    INTAKE_OVERDUE("clinic.intake.overdue.v1", Topics.INTAKE_EVENTS, IntakeOverdue.class),
    INTAKE_COMPLETED("clinic.intake.completed.v1", Topics.INTAKE_EVENTS, IntakeCompleted.class),
    CHECKLIST_COMPLETED("clinic.checklist.completed.v1", Topics.INTAKE_EVENTS, ChecklistCompleted.class),
    CHECKLIST_REQUESTED("clinic.checklist.requested.v1", Topics.INTAKE_EVENTS, ChecklistRequested.class),
    CHECKLIST_OVERDUE("clinic.checklist.overdue.v1", Topics.INTAKE_EVENTS, ChecklistOverdue.class),
    INTAKE_FLAGGED("clinic.intake.flagged.v1", Topics.INTAKE_EVENTS, IntakeFlagged.class),
    INTAKE_REVIEWED("clinic.intake.reviewed.v1", Topics.INTAKE_EVENTS, IntakeReviewed.class),
    FORM_ANSWERS_VIEWED("clinic.form.answers-viewed.v1", Topics.INTAKE_EVENTS, FormAnswersViewed.class),
    MESSAGE_STATUS_CHANGED("clinic.message.status-changed.v1", Topics.NOTIFICATION_EVENTS, MessageStatusChanged.class),
    SESSION_CONFIRMATION_RECEIVED(
            "clinic.reply.session-confirmed.v1", Topics.NOTIFICATION_EVENTS, SessionConfirmationReceived.class),
    INBOUND_MESSAGE_RECEIVED("clinic.reply.received.v1", Topics.NOTIFICATION_EVENTS, InboundMessageReceived.class),
    CARE_ALERT_RAISED("clinic.care-alert.raised.v1", Topics.CARE_ALERTS, CareAlertRaised.class),
    CARE_ALERT_ACKNOWLEDGED("clinic.care-alert.acknowledged.v1", Topics.CARE_ALERTS, CareAlertAcknowledged.class),
    CARE_ALERT_ESCALATED("clinic.care-alert.escalated.v1", Topics.CARE_ALERTS, CareAlertEscalated.class),
    CARE_ALERT_HANDLED("clinic.care-alert.handled.v1", Topics.CARE_ALERTS, CareAlertHandled.class),
    PATIENT_WORDS_RECORDED("clinic.patient-words.recorded.v1", Topics.PATIENT_WORDS, PatientWordsRecorded.class),
    CLINIC_SETTINGS_PUBLISHED("clinic.settings.published.v1", Topics.CLINIC_SETTINGS, ClinicSettingsPublished.class);

    private final String ceType;
    private final String topic;
    private final Class<? extends ClinicEvent> payloadType;

    EventType(String ceType, String topic, Class<? extends ClinicEvent> payloadType) {
        this.ceType = ceType;
        this.topic = topic;
        this.payloadType = payloadType;
    }

    public String ceType() {
        return ceType;
    }

    public String topic() {
        return topic;
    }

    public Class<? extends ClinicEvent> payloadType() {
        return payloadType;
    }

    /** Classpath location of the JSON Schema (draft 2020-12) of this type's payload. */
    public String schemaResource() {
        return "/schemas/" + ceType + ".json";
    }

    public static Optional<EventType> ofCeType(String ceType) {
        return Arrays.stream(values()).filter(t -> t.ceType.equals(ceType)).findFirst();
    }

    public static EventType of(Class<? extends ClinicEvent> payloadType) {
        return Arrays.stream(values())
                .filter(t -> t.payloadType.equals(payloadType))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Not a registered event: " + payloadType));
    }
}
