package com.seriescare.scheduling.clinic;

import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/**
 * A clinic, from configuration.
 *
 * @param shortName the name used in texts; says nothing about the treatment
 * @param timeZone where the clinic is: front-desk local times are read in this zone
 * @param chairs how many patients can be treated at the same time
 * @param treatmentPlans chair time per kind of treatment, by plan name (e.g. {@code iv-infusion})
 * @param defaultTreatmentPlan the plan used when a booking names none
 */
public record Clinic(
        String id,
        String name,
        String shortName,
        ZoneId timeZone,
        String phone,
        String address,
        int chairs,
        OpeningHours openingHours,
        Map<String, TreatmentPlan> treatmentPlans,
        String defaultTreatmentPlan) {

    public Clinic {
        treatmentPlans = Map.copyOf(treatmentPlans);
        if (!treatmentPlans.containsKey(defaultTreatmentPlan)) {
            throw new IllegalArgumentException("Clinic " + id + ": default treatment plan '" + defaultTreatmentPlan
                    + "' is not one of " + treatmentPlans.keySet());
        }
    }

    /** The named plan, or the default one when {@code name} is null. */
    public Optional<TreatmentPlan> plan(String name) {
        return Optional.ofNullable(treatmentPlans.get(name == null ? defaultTreatmentPlan : name));
    }
}
