package com.seriescare.notification.clinic;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.seriescare.notification.planning.MessageRules;
import com.seriescare.notification.planning.QuietHours;
import com.seriescare.texts.Texts;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What notification-service knows of a clinic, from the settings scheduling-service publishes: how its texts name it,
 * whom they tell patients to call, which number they come from, and when they may not go out.
 *
 * @param shortName the name used in texts; never names the treatment
 * @param phone the number patients call, E.164
 * @param timeZone the clinic's zone: texts are timed in it until the patient's own zone is known
 * @param sender the number or Messaging Service the clinic's texts come from
 * @param onCall clinicians paged for urgent care alerts, in rota order
 * @param segmentBudget how many SMS segments a text may take: a long series or name is shortened to fit
 * @param texts the clinic's own templates in force, by {@code kind/language}
 * @param rules the clinic's own timing of texts; null: the deployment's ({@code seriescare.message-rules})
 */
public record Clinic(
        String id,
        long version,
        String shortName,
        String phone,
        String integrationCoachPhone,
        ZoneId timeZone,
        Sender sender,
        QuietHours quietHours,
        List<OnCall> onCall,
        int segmentBudget,
        Map<String, String> texts,
        MessageRules rules) {

    public Clinic {
        texts = texts == null ? Map.of() : Map.copyOf(texts);
    }

    /** When the clinic's texts go out: its own timing, else the deployment's. */
    public MessageRules rulesOr(MessageRules deployment) {
        return rules == null ? deployment : rules;
    }

    /** The clinic's own words for a kind of text in a language, if a clinic admin wrote them; else the default. */
    public Optional<String> template(String kind, String language) {
        // a patient is written to in Spanish or, for any other language, in English (as the default words are)
        String written = Texts.SPANISH.equals(language) ? Texts.SPANISH : Texts.ENGLISH;
        return Optional.ofNullable(texts.get(kind + "/" + written));
    }

    /**
     * Where a clinic's texts come from: its own number, a Twilio Messaging Service, or (both null) the deployment's
     * default sender.
     *
     * @param messagesPerSecond how fast it may send, all instances together; null: the deployment's default
     */
    public record Sender(String number, String messagingServiceSid, Double messagesPerSecond) {

        public static final Sender DEFAULT = new Sender(null, null, null);

        public boolean isDefault() {
            return number == null && messagingServiceSid == null;
        }

        /**
         * What its sending rate is kept under: the Messaging Service or number it sends from, or the deployment's
         * default sender (shared by every clinic that has none of its own).
         */
        public String rateKey() {
            return messagingServiceSid != null
                    ? "service:" + messagingServiceSid
                    : number != null ? "number:" + number : "default";
        }

        /** Its own rate, else the deployment's. */
        public double messagesPerSecondOr(double deployment) {
            return messagesPerSecond == null ? deployment : messagesPerSecond;
        }
    }

    public record OnCall(String name, String phone) {}

    /** Who patients reach for integration support; the clinic's own phone when no coach is configured. */
    public String displayCoachPhone() {
        return integrationCoachPhone == null || integrationCoachPhone.isBlank()
                ? displayPhone()
                : display(integrationCoachPhone);
    }

    /** The phone as patients of the clinic's country write it, e.g. {@code (303) 555-0100}. */
    public String displayPhone() {
        return display(phone);
    }

    private static String display(String number) {
        var phones = PhoneNumberUtil.getInstance();
        try {
            return phones.format(phones.parse(number, null), PhoneNumberFormat.NATIONAL);
        } catch (NumberParseException e) {
            return number;
        }
    }
}
