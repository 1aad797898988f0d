package com.seriescare.notification.sms;

/** Phone numbers in logs show only their last two digits. */
public final class PhoneMask {

    private PhoneMask() {}

    public static String mask(String phone) {
        if (phone == null || phone.length() < 4) {
            return "***";
        }
        return "*".repeat(phone.length() - 2) + phone.substring(phone.length() - 2);
    }
}
