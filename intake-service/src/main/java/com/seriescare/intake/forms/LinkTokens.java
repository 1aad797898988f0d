package com.seriescare.intake.forms;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * The secrets in a patient's form link. A link is {@code /f/<form id>/<token>}: the token is 128 random bits and only
 * its SHA-256 is stored, so a copy of the database opens no form. (A fast hash is enough for a random 128-bit
 * secret: there is nothing to guess by trying words.) Both parts are short so a text with a link stays short.
 */
public final class LinkTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder URL_SAFE = Base64.getUrlEncoder().withoutPadding();

    private LinkTokens() {}

    /** 72 random bits: unique, short, and meaningless (not a secret: the token is). */
    public static String newFormId() {
        return random(9);
    }

    public static String newToken() {
        return random(16);
    }

    public static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every JVM has SHA-256", impossible);
        }
    }

    /** Compares in constant time, so response times say nothing about how close a guess was. */
    public static boolean matchesAny(String token, List<String> storedHashes) {
        if (token == null || storedHashes == null) {
            return false;
        }
        byte[] candidate = hash(token).getBytes(StandardCharsets.US_ASCII);
        boolean match = false;
        for (String stored : storedHashes) {
            match |= MessageDigest.isEqual(candidate, stored.getBytes(StandardCharsets.US_ASCII));
        }
        return match;
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return URL_SAFE.encodeToString(value);
    }
}
