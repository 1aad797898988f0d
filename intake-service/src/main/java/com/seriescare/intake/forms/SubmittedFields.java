package com.seriescare.intake.forms;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the fields of a submitted form, collecting one problem per field as a message code: {@code required},
 * {@code too-long}, {@code phone}, {@code choose}. Unknown values count as missing; nothing is trusted.
 */
final class SubmittedFields {

    static final int MAX_TEXT = 2000;
    static final int MAX_SHORT_TEXT = 200;

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private final Map<String, List<String>> values;
    private final String phoneRegion;
    private final Map<String, String> errors = new LinkedHashMap<>();

    SubmittedFields(Map<String, List<String>> values, String phoneRegion) {
        this.values = values;
        this.phoneRegion = phoneRegion;
    }

    Map<String, String> errors() {
        return errors;
    }

    String text(String name, boolean required, int maxLength) {
        String value = first(name);
        if (value.isEmpty()) {
            if (required) {
                errors.put(name, "required");
            }
            return "";
        }
        if (value.length() > maxLength) {
            errors.put(name, "too-long");
        }
        return value;
    }

    boolean yesNo(String name) {
        String value = first(name);
        if (!value.equals("yes") && !value.equals("no")) {
            errors.put(name, "choose");
        }
        return value.equals("yes");
    }

    /** A 0-3 frequency answer (not at all, several days, more than half the days, nearly every day). */
    int frequency(String name) {
        String value = first(name);
        if (!Set.of("0", "1", "2", "3").contains(value)) {
            errors.put(name, "choose");
            return 0;
        }
        return Integer.parseInt(value);
    }

    String oneOf(String name, List<String> allowed) {
        String value = first(name);
        if (!allowed.contains(value)) {
            errors.put(name, "choose");
            return null;
        }
        return value;
    }

    List<String> someOf(String name, List<String> allowed) {
        return values.getOrDefault(name, List.of()).stream()
                .filter(allowed::contains)
                .distinct()
                .toList();
    }

    /** A phone number as E.164, read in the clinic's region when written without a country code. */
    String phone(String name, boolean required) {
        String value = text(name, required, MAX_SHORT_TEXT);
        if (value.isEmpty() || errors.containsKey(name)) {
            return value;
        }
        try {
            var number = PHONES.parse(value, phoneRegion);
            if (PHONES.isValidNumber(number)) {
                return PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
            }
        } catch (NumberParseException notANumber) {
            // reported below like any other invalid number
        }
        errors.put(name, "phone");
        return value;
    }

    private String first(String name) {
        List<String> list = values.get(name);
        return list == null || list.isEmpty() || list.getFirst() == null
                ? ""
                : list.getFirst().strip();
    }
}
