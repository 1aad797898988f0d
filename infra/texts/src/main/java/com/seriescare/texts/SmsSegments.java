package com.seriescare.texts;

import java.text.Normalizer;

/**
 * How a text travels as SMS: GSM-7 when every character is in the GSM 03.38 alphabet (160 characters in one
 * segment, 153 per segment of a longer text; the extension table's characters count twice), otherwise UCS-2 (70
 * alone, 67 per segment). One letter outside GSM-7 (an emoji, a curly quote, "ó", "ễ") halves what fits.
 */
public record SmsSegments(Encoding encoding, int units, int segments) {

    public enum Encoding {
        GSM_7,
        UCS_2
    }

    private static final String GSM7_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM7_EXTENDED = "^{}\\[~]|€\f";

    public static SmsSegments of(String text) {
        boolean gsm7 = isGsm7(text);
        int units = gsm7
                ? text.codePoints()
                        .map(c -> GSM7_EXTENDED.indexOf(c) >= 0 ? 2 : 1)
                        .sum()
                : utf16Units(text);
        int single = gsm7 ? 160 : 70;
        int part = gsm7 ? 153 : 67;
        int segments = units <= single ? 1 : (units + part - 1) / part;
        return new SmsSegments(gsm7 ? Encoding.GSM_7 : Encoding.UCS_2, units, segments);
    }

    public static boolean isGsm7(String text) {
        return text.codePoints().allMatch(c -> GSM7_BASIC.indexOf(c) >= 0 || GSM7_EXTENDED.indexOf(c) >= 0);
    }

    /**
     * The text written with GSM-7 letters only, as far as that goes: letters keep their GSM-7 accent where the
     * alphabet has it (é, ñ, ü) and lose it otherwise (ó → o, ễ → e, ë → e).
     */
    public static String toGsm7(String text) {
        StringBuilder gsm = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            String letter = new String(Character.toChars(c));
            if (isGsm7(letter)) {
                gsm.append(letter);
                return;
            }
            String bare = Normalizer.normalize(letter, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
            gsm.append(isGsm7(bare) ? bare : "?");
        });
        return gsm.toString();
    }

    private static int utf16Units(String text) {
        return text.length(); // UCS-2 counts 16-bit units: a character beyond the BMP (most emoji) takes two
    }
}
