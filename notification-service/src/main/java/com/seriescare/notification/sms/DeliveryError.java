package com.seriescare.notification.sms;

import java.util.Map;
import java.util.Optional;

/**
 * What an {@code ErrorCode} in Twilio's status callback means for the patient's number, as Twilio documents its
 * 30xxx delivery errors. Some say the number can never receive texts (a landline, a number that does not exist):
 * further texts to it are pointless and the front desk must get another number. Others pass (a phone switched off).
 *
 * @param numberCannotReceive true when no later text to this number can be delivered either
 */
public record DeliveryError(int code, String meaning, boolean numberCannotReceive) {

    private static final Map<Integer, DeliveryError> KNOWN = Map.of(
            30003, new DeliveryError(30003, "the phone is switched off or out of coverage", false),
            30004, new DeliveryError(30004, "the recipient or their carrier blocked the text", false),
            30005, new DeliveryError(30005, "the number does not exist or is no longer in service", true),
            30006, new DeliveryError(30006, "a landline or a carrier that cannot receive texts", true),
            30007, new DeliveryError(30007, "the carrier filtered the text", false),
            30008, new DeliveryError(30008, "an unknown error at the carrier", false));

    /** The error a callback reports, if its {@code ErrorCode} is a number; unknown codes are described as such. */
    public static Optional<DeliveryError> fromCallback(String errorCode) {
        if (errorCode == null || errorCode.isBlank()) {
            return Optional.empty();
        }
        try {
            int code = Integer.parseInt(errorCode.strip());
            return Optional.of(
                    KNOWN.getOrDefault(code, new DeliveryError(code, "see Twilio's error reference", false)));
        } catch (NumberFormatException notACode) {
            return Optional.empty();
        }
    }

    /** As the timeline and the front desk read it. */
    public String describe() {
        return "Twilio error " + code + ": " + meaning;
    }
}
