package com.seriescare.notification.clinic;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import jakarta.validation.constraints.NotBlank;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What texts say about the clinic ({@code seriescare.clinic.*}).
 *
 * @param shortName the name used in texts; never names the treatment
 * @param phone the number patients call, E.164
 * @param timeZone the clinic's zone: texts are timed in it until the patient's own zone is known
 */
@Validated
@ConfigurationProperties("seriescare.clinic")
public record Clinic(
        @NotBlank String shortName,
        @NotBlank String phone,
        String integrationCoachPhone,
        @DefaultValue("America/Denver") ZoneId timeZone) {

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
