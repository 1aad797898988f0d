package com.seriescare.scheduling.clinic;

import java.time.Duration;

/**
 * How long a session keeps a chair: the treatment itself and the observation or recovery after it (e.g. an IV
 * infusion of 60 minutes and 30 minutes of rest; a nasal spray followed by two hours of observation).
 */
public record TreatmentPlan(String name, int treatmentMinutes, int recoveryMinutes) {

    public Duration chairTime() {
        return Duration.ofMinutes(treatmentMinutes + recoveryMinutes);
    }
}
