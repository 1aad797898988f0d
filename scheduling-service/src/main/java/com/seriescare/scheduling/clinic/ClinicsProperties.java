package com.seriescare.scheduling.clinic;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** The clinics this instance serves ({@code seriescare.clinics[*]}); the service refuses to start without one. */
@Validated
@ConfigurationProperties("seriescare")
public record ClinicsProperties(@NotEmpty List<@Valid ClinicProperties> clinics) {

    public record ClinicProperties(
            @NotBlank String id,
            @NotBlank String name,
            @NotBlank String shortName,
            @NotNull ZoneId timeZone,
            @NotBlank String phone,
            String address,
            @Min(1) int chairs,
            @NotEmpty Map<DayOfWeek, String> openingHours,
            @NotEmpty Map<String, @Valid PlanProperties> treatmentPlans,
            @NotBlank String defaultTreatmentPlan) {

        Clinic toClinic() {
            return new Clinic(
                    id,
                    name,
                    shortName,
                    timeZone,
                    phone,
                    address == null ? "" : address,
                    chairs,
                    new OpeningHours(openingHours.entrySet().stream()
                            .collect(Collectors.toMap(Map.Entry::getKey, e -> OpeningHours.Hours.parse(e.getValue())))),
                    treatmentPlans.entrySet().stream()
                            .collect(Collectors.toMap(
                                    Map.Entry::getKey,
                                    e -> new TreatmentPlan(
                                            e.getKey(),
                                            e.getValue().treatmentMinutes(),
                                            e.getValue().recoveryMinutes()))),
                    defaultTreatmentPlan);
        }
    }

    public record PlanProperties(
            @Min(1) int treatmentMinutes, @Min(0) int recoveryMinutes) {}
}
