package com.seriescare.servicesupport.audit;

import java.util.function.Supplier;
import org.springframework.util.ClassUtils;

/**
 * Who makes the change being written: the signed-in person (their user name), {@link #PATIENT} for what a patient did
 * (a reply, a form sent from a link), or {@link #SYSTEM} for what the services decide themselves (a deadline passing,
 * a text settled). Outbox entries take it when they are written, so every published event and audit entry names it.
 */
public final class Actors {

    public static final String PATIENT = "patient";
    public static final String SYSTEM = "system";

    private static final boolean SECURITY = ClassUtils.isPresent(
            "org.springframework.security.core.context.SecurityContextHolder", Actors.class.getClassLoader());
    private static final ThreadLocal<String> ACTING = new ThreadLocal<>();

    private Actors() {}

    /** The actor of the change being made on this thread. */
    public static String current() {
        String acting = ACTING.get();
        if (acting != null) {
            return acting;
        }
        if (SECURITY) {
            var authentication = org.springframework.security.core.context.SecurityContextHolder.getContext()
                    .getAuthentication();
            if (authentication != null
                    && authentication.isAuthenticated()
                    && !(authentication
                            instanceof org.springframework.security.authentication.AnonymousAuthenticationToken)) {
                return authentication.getName();
            }
        }
        return SYSTEM;
    }

    /** Runs {@code change} as made by {@code actor} (e.g. {@link #PATIENT} for a reply or a form the patient sent). */
    public static <T> T as(String actor, Supplier<T> change) {
        String before = ACTING.get();
        ACTING.set(actor);
        try {
            return change.get();
        } finally {
            if (before == null) {
                ACTING.remove();
            } else {
                ACTING.set(before);
            }
        }
    }

    public static void as(String actor, Runnable change) {
        as(actor, () -> {
            change.run();
            return null;
        });
    }
}
