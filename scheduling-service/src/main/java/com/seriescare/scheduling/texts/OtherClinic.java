package com.seriescare.scheduling.texts;

/** A clinic admin asked for another clinic's texts. Answered with 403. */
public class OtherClinic extends RuntimeException {

    OtherClinic(String clinicId) {
        super("You administer another clinic's texts, not those of '" + clinicId + "'.");
    }
}
