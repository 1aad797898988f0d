package com.seriescare.scheduling.patients;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import java.util.Optional;
import java.util.Set;

/** Reads a phone number as typed at the front desk and gives it back in E.164, if it can receive texts. */
final class MobilePhone {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    // FIXED_LINE_OR_MOBILE: in the US and Canada the number alone cannot tell the two apart
    private static final Set<PhoneNumberType> TEXTABLE =
            Set.of(PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE);

    private MobilePhone() {}

    /**
     * @param defaultRegion the region assumed for numbers typed without a country code, e.g. {@code US}
     * @return the E.164 form, or a reason the number cannot be used
     */
    static Result parse(String raw, String defaultRegion) {
        try {
            var number = PHONES.parse(raw, defaultRegion);
            if (!PHONES.isValidNumber(number)) {
                return Result.refused("is not a valid phone number");
            }
            if (!TEXTABLE.contains(PHONES.getNumberType(number))) {
                return Result.refused("is not a mobile number, so it cannot receive texts");
            }
            return new Result(Optional.of(PHONES.format(number, PhoneNumberFormat.E164)), Optional.empty());
        } catch (NumberParseException e) {
            return Result.refused("is not a phone number");
        }
    }

    /** The region of a full international number, e.g. {@code US} for the clinic's own phone. */
    static String regionOf(String internationalNumber) {
        try {
            return PHONES.getRegionCodeForNumber(PHONES.parse(internationalNumber, null));
        } catch (NumberParseException e) {
            throw new IllegalArgumentException("Not an international phone number: " + internationalNumber, e);
        }
    }

    record Result(Optional<String> e164, Optional<String> refusal) {
        static Result refused(String reason) {
            return new Result(Optional.empty(), Optional.of(reason));
        }
    }
}
