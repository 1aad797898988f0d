package com.seriescare.intake.clinics;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The clinics whose forms this instance serves ({@code seriescare.clinics[*]}): what a patient sees on the form, and
 * when forms are due (elapsed time before the session, so "24h" is 24 hours even across a clock change).
 */
@Validated
@ConfigurationProperties("seriescare")
public record ClinicsProperties(@NotEmpty List<@Valid ClinicProperties> clinics) {

    public record ClinicProperties(
            @NotBlank String id,
            @NotBlank String shortName,
            @NotBlank String phone,
            @NotBlank String phoneRegion,
            @NotNull Duration intakeDueBefore,
            @NotNull Duration checklistDueBefore) {}
}
