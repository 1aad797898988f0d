package com.seriescare.scheduling.clinic;

import java.util.List;

/** The texts a clinic words itself, as they are now: part of the settings published for it. */
public interface ClinicTextsInForce {

    List<ClinicSettings.Text> of(String clinicId);

    /** The clinic's own timing of texts, if a clinic admin set one. */
    java.util.Optional<ClinicSettings.Timing> timingOf(String clinicId);
}
