package com.seriescare.notification.clinic;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.seriescare.notification.planning.QuietHours;
import java.time.ZoneId;
import java.util.List;

/**
 * What notification-service knows of a clinic, from the settings scheduling-service publishes: how its texts name it,
 * whom they tell patients to call, which number they come from, and when they may not go out.
 *
 * @param shortName the name used in texts; never names the treatment
 * @param phone the number patients call, E.164
 * @param timeZone the clinic's zone: texts are timed in it until the patient's own zone is known
 * @param sender the number or Messaging Service the clinic's texts come from
 * @param onCall clinicians paged for urgent care alerts, in rota order
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
        List<OnCall> onCall) {

    /**
     * Where a clinic's texts come from: its own number, a Twilio Messaging Service, or (both null) the deployment's
     * default sender.
     */
    public record Sender(String number, String messagingServiceSid) {

        public static final Sender DEFAULT = new Sender(null, null);

        public boolean isDefault() {
            return number == null && messagingServiceSid == null;
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
