package com.seriescare.intake.forms;

import java.time.Instant;
import java.util.List;

/**
 * How a form was completed.
 *
 * @param completedBy {@code patient} on the form, else the front-desk user who took the answers by phone
 * @param via {@code form} or {@code phone}
 * @param flags what a clinician must look at before the session (see {@link Flags}); empty when nothing
 */
public record Completion(
        Instant completedAt, String completedBy, String via, boolean rideHomeConfirmed, List<String> flags) {

    public static final String BY_PATIENT = "patient";

    public Completion {
        flags = flags == null ? List.of() : List.copyOf(flags);
    }

    public static Completion onTheForm(Instant at, boolean rideHomeConfirmed, List<String> flags) {
        return new Completion(at, BY_PATIENT, "form", rideHomeConfirmed, flags);
    }

    public static Completion byPhone(Instant at, String frontDeskUser, boolean rideHomeConfirmed) {
        return new Completion(at, frontDeskUser, "phone", rideHomeConfirmed, List.of());
    }
}
