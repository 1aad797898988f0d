package com.seriescare.notification.planning;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A four-character code for an alert, read off a phone screen and typed back in "ACK K7QF": letters and digits that
 * cannot be mistaken for one another (no 0/O, 1/I/L).
 */
public final class PageCode {

    private static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    private PageCode() {}

    public static String of(String alertId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(alertId.getBytes(StandardCharsets.UTF_8));
            StringBuilder code = new StringBuilder(4);
            for (int i = 0; i < 4; i++) {
                code.append(ALPHABET.charAt(Math.floorMod(hash[i], ALPHABET.length())));
            }
            return code.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
