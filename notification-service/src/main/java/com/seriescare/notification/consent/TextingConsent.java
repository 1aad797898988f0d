package com.seriescare.notification.consent;

import com.seriescare.contracts.notification.InboundMessageReceived;
import com.seriescare.contracts.scheduling.SmsConsent;
import com.seriescare.notification.patients.ConsentHistory;
import com.seriescare.notification.patients.PatientContact;
import com.seriescare.notification.patients.PatientContacts;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The one owner of consent to texts in notification-service. Two facts decide whether a patient may be texted: the
 * patient's own consent as the front desk recorded it (scheduling-service's record, which also follows the patient's
 * STOP and START), and the last word of the phone number, which carriers keep per number and so do we. Every change
 * of either comes through here: a STOP or START reply, the carrier's opt-out (Twilio 21610), the front desk's record,
 * and a patient's number arriving or changing.
 */
@Service
public class TextingConsent {

    static final String SMS_REPLY = "sms-reply";
    static final String CARRIER_OPT_OUT = "carrier-opt-out";

    private final NumberOptOuts optOuts;
    private final PatientContacts contacts;
    private final ConsentHistory history;
    private final PendingTexts pendingTexts;

    TextingConsent(NumberOptOuts optOuts, PatientContacts contacts, ConsentHistory history, PendingTexts pendingTexts) {
        this.optOuts = optOuts;
        this.contacts = contacts;
        this.history = history;
        this.pendingTexts = pendingTexts;
    }

    /** STOP (or a synonym) from a number: at once, for every patient with that number, and any who gets it later. */
    public void stopFrom(String phone, String inboundId, Instant at) {
        optOut(new NumberOptOut(phone, true, SMS_REPLY, at, inboundId), "the patient replied STOP");
    }

    /** The carrier refused a text because the number had opted out there (Twilio 21610). */
    public void carrierOptOut(String phone, Instant at) {
        optOut(
                new NumberOptOut(phone, true, CARRIER_OPT_OUT, at, null),
                "Twilio reports the number unsubscribed (21610)");
    }

    /** START from a number: texts may go to it again, for every patient with that number. */
    public void startFrom(String phone, String inboundId, Instant at) {
        optOuts.save(new NumberOptOut(phone, false, SMS_REPLY, at, inboundId));
        for (PatientContact patient : contacts.withPhone(phone)) {
            contacts.save(patient.withConsent(true));
            history.record(new ConsentHistory.Entry(patient.patientId(), true, SMS_REPLY, at, "patient"));
        }
    }

    /**
     * The front desk recorded the patient's answer (at registration or later; STOP and START texted by the patient
     * come back this way too, as scheduling-service records them).
     */
    public void recordedByFrontDesk(String patientId, SmsConsent consent) {
        history.record(new ConsentHistory.Entry(
                patientId, consent.granted(), consent.source(), consent.recordedAt(), consent.recordedBy()));
        contacts.find(patientId).ifPresent(contact -> contacts.save(contact.withConsent(consent.granted())));
        if (!consent.granted()) {
            pendingTexts.cancelPendingForPatient(patientId, "the patient withdrew consent to texts");
        }
    }

    /**
     * Saves a patient's contact details as they arrived. A number whose last word was STOP keeps its opt-out: the
     * patient's consent is withdrawn as of that STOP, and the front desk hears of it (once per patient) as the
     * patient's own reply.
     */
    public void contactArrived(PatientContact contact) {
        Optional<NumberOptOut> optedOut = inForce(contact.mobilePhone());
        if (optedOut.isEmpty()) {
            contacts.save(contact);
            return;
        }
        NumberOptOut optOut = optedOut.get();
        contacts.save(contact.withConsent(false));
        history.record(
                new ConsentHistory.Entry(contact.patientId(), false, optOut.source(), optOut.at(), recordedBy(optOut)));
        pendingTexts.cancelPendingForPatient(contact.patientId(), reasonFor(optOut));
        if (optOut.inboundId() != null) {
            optOuts.tell(
                    optOut.phone(),
                    contact.patientId(),
                    new InboundMessageReceived(
                            contact.patientId(),
                            optOut.inboundId(),
                            "stop",
                            false,
                            last4(optOut.phone()),
                            optOut.at()));
        }
    }

    /**
     * The number can never receive texts (Twilio said invalid, not a mobile, a landline, no such number): nothing more
     * is sent to it, with why, until the front desk records another number (a new number clears the problem).
     */
    public void numberCannotReceive(String patientId, String problem) {
        contacts.find(patientId).ifPresent(contact -> contacts.save(contact.withPhoneProblem(problem)));
        pendingTexts.cancelPendingForPatient(patientId, CANNOT_RECEIVE + problem);
    }

    /**
     * Why a patient may not be texted now, the one answer to it: the number opted out, the patient has not consented,
     * or the number cannot receive texts. Empty when they may.
     */
    public Optional<String> refusal(PatientContact patient) {
        Optional<NumberOptOut> optOut = inForce(patient.mobilePhone());
        if (optOut.isPresent()) {
            return Optional.of(reasonFor(optOut.get()));
        }
        if (!patient.smsConsent()) {
            return Optional.of("the patient has not consented to texts");
        }
        return Optional.ofNullable(patient.phoneProblem()).map(problem -> CANNOT_RECEIVE + problem);
    }

    static final String CANNOT_RECEIVE = "the mobile number cannot receive texts: ";

    /** The opt-out in force for this number, if its last word was STOP. */
    public Optional<NumberOptOut> inForce(String phone) {
        return optOuts.find(phone).filter(NumberOptOut::optedOut);
    }

    private void optOut(NumberOptOut optOut, String reason) {
        optOuts.save(optOut);
        for (PatientContact patient : contacts.withPhone(optOut.phone())) {
            contacts.save(patient.withConsent(false));
            history.record(new ConsentHistory.Entry(
                    patient.patientId(), false, optOut.source(), optOut.at(), recordedBy(optOut)));
            pendingTexts.cancelPendingForPatient(patient.patientId(), reason);
        }
    }

    private static String reasonFor(NumberOptOut optOut) {
        return CARRIER_OPT_OUT.equals(optOut.source())
                ? "the carrier reports the number unsubscribed (21610) until it texts START"
                : "the number replied STOP on " + optOut.at() + "; it must text START to get texts again";
    }

    private static String recordedBy(NumberOptOut optOut) {
        return CARRIER_OPT_OUT.equals(optOut.source()) ? "twilio" : "patient";
    }

    private static String last4(String phone) {
        return phone.length() >= 4 ? phone.substring(phone.length() - 4) : phone;
    }
}
