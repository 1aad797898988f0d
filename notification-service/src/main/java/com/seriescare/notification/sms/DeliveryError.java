package com.seriescare.notification.sms;

import java.util.Map;
import java.util.Optional;

/**
 * What a Twilio error code means, in our words, as Twilio documents them: the 21xxx codes its API answers a send
 * with, and the 30xxx delivery errors of its status callbacks. The one table of them. Our words, never Twilio's
 * message: that quotes the patient's number, and these descriptions go to the timeline, to Today and onto
 * {@code notification.events}. Some codes say the number can never receive texts (a landline, a number that does
 * not exist): further texts to it are pointless and the front desk must get another number. Others pass (a phone
 * switched off).
 *
 * @param numberCannotReceive true when no later text to this number can be delivered either
 * @param permanent sending this text again would meet the same answer
 */
public record DeliveryError(int code, String meaning, boolean numberCannotReceive, boolean permanent) {

    private static final Map<Integer, DeliveryError> KNOWN = Map.ofEntries(
            known(21211, "not a valid phone number", true, true),
            known(21214, "the number cannot be reached", false, true),
            known(21408, "texts to this region are not enabled on the account", false, true),
            known(21610, "the number replied STOP at the carrier", false, true),
            known(21612, "the number cannot receive texts from this sender", false, true),
            known(21614, "not a mobile number", true, true),
            known(20429, "too many requests to Twilio; retried later", false, false),
            known(30003, "the phone is switched off or out of coverage", false, true),
            known(30004, "the recipient or their carrier blocked the text", false, true),
            known(30005, "the number does not exist or is no longer in service", true, true),
            known(30006, "a landline or a carrier that cannot receive texts", true, true),
            known(30007, "the carrier filtered the text", false, false),
            known(30008, "an unknown error at the carrier", false, false));

    private static Map.Entry<Integer, DeliveryError> known(
            int code, String meaning, boolean numberCannotReceive, boolean permanent) {
        return Map.entry(code, new DeliveryError(code, meaning, numberCannotReceive, permanent));
    }

    /** Any code, known or not. */
    public static DeliveryError of(int code) {
        return KNOWN.getOrDefault(code, new DeliveryError(code, "see Twilio's error reference", false, false));
    }

    /** Whether Twilio documents this code (an unknown one is retried unless the HTTP status says otherwise). */
    public boolean known() {
        return KNOWN.containsKey(code);
    }

    /** The error a callback reports, if its {@code ErrorCode} is a number; unknown codes are described as such. */
    public static Optional<DeliveryError> fromCallback(String errorCode) {
        if (errorCode == null || errorCode.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(of(Integer.parseInt(errorCode.strip())));
        } catch (NumberFormatException notACode) {
            return Optional.empty();
        }
    }

    /** As the timeline and the front desk read it. */
    public String describe() {
        return "Twilio error " + code + ": " + meaning;
    }
}
