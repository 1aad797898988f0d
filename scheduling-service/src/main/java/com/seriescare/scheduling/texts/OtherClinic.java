package com.seriescare.scheduling.texts;

/** A clinic admin asked for another clinic's texts. Answered with 403. */
public class OtherClinic extends RuntimeException {

    OtherClinic(String clinicId) {
        super("You administer another clinic's texts, not those of '" + clinicId + "'.");
    }

    /** Refuses a caller who is not of {@code clinicId}. */
    static void refuseUnless(com.seriescare.servicesupport.security.CurrentUser user, String clinicId) {
        if (!user.clinicId().equals(clinicId)) {
            throw new OtherClinic(clinicId);
        }
    }
}
