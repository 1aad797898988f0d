package com.seriescare.notification.timeline;

import com.seriescare.notification.dispatch.OutgoingMessage;
import com.seriescare.notification.dispatch.OutgoingMessages;
import com.seriescare.notification.patients.ConsentHistory;
import com.seriescare.notification.patients.PatientContact;
import com.seriescare.notification.patients.PatientContacts;
import com.seriescare.servicesupport.security.CurrentUser;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** A patient's texts, planned and sent, for the front desk: what, when (also in the patient's local time) and why. */
@RestController
class MessageTimelineController {

    private final OutgoingMessages messages;
    private final PatientContacts contacts;
    private final ConsentHistory consentHistory;
    private final CurrentUser user;

    MessageTimelineController(
            OutgoingMessages messages, PatientContacts contacts, ConsentHistory consentHistory, CurrentUser user) {
        this.messages = messages;
        this.contacts = contacts;
        this.consentHistory = consentHistory;
        this.user = user;
    }

    @GetMapping("/api/patients/{patientId}/messages")
    List<TimelineEntry> timeline(@PathVariable String patientId) {
        ZoneId zone = ZoneId.of(ofCallersClinic(patientId).timeZone());
        return messages.forPatient(patientId).stream()
                .map(message -> TimelineEntry.of(message, zone))
                .toList();
    }

    /**
     * @param localDueAt the due time in the patient's zone, as the patient experiences it
     * @param status planned, leased, sending, sent, failed, cancelled or in_doubt (see docs/adr/0002)
     * @param deliveryStatus what Twilio last reported: queued, sent, delivered, undelivered or failed
     * @param reason why it was cancelled, failed or is waiting; null otherwise
     */
    /** Every consent fact known for the patient, oldest first: given or withdrawn, how, when and by whom. */
    @GetMapping("/api/patients/{patientId}/consent-history")
    List<ConsentHistory.Entry> consentHistory(@PathVariable String patientId) {
        ofCallersClinic(patientId);
        return consentHistory.of(patientId);
    }

    /** The patient, if of the caller's clinic; otherwise as if there were none, so ids cannot be probed. */
    private PatientContact ofCallersClinic(String patientId) {
        return contacts.find(patientId)
                .filter(contact -> user.clinicId().equals(contact.clinicId()))
                .orElseThrow(() -> new ResponseStatusException(
                        HttpStatus.NOT_FOUND, "No patient '" + patientId + "' at this clinic"));
    }

    record TimelineEntry(
            String id,
            String kind,
            String seriesId,
            String sessionId,
            Instant dueAt,
            LocalDateTime localDueAt,
            String timeZone,
            String status,
            String deliveryStatus,
            Instant sentAt,
            String reason) {

        static TimelineEntry of(OutgoingMessage message, ZoneId zone) {
            return new TimelineEntry(
                    message.id(),
                    message.plan().kind().name().toLowerCase(Locale.ROOT),
                    message.plan().seriesId(),
                    message.plan().sessionId(),
                    message.dueAt(),
                    LocalDateTime.ofInstant(message.dueAt(), zone),
                    zone.getId(),
                    message.status().name().toLowerCase(Locale.ROOT),
                    message.deliveryStatus(),
                    message.sentAt(),
                    message.reason());
        }
    }
}
