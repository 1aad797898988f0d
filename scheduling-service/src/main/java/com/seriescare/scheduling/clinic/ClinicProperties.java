package com.seriescare.scheduling.clinic;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** The clinic, from configuration ({@code seriescare.clinic.*}); the service refuses to start without it. */
@Validated
@ConfigurationProperties("seriescare.clinic")
public record ClinicProperties(
        @NotBlank String id,
        @NotBlank String name,
        @NotBlank String shortName,
        @NotNull ZoneId timeZone,
        @NotBlank String phone,
        @Min(1) int sessionMinutes) {

    public Clinic toClinic() {
        return new Clinic(id, name, shortName, timeZone, phone, sessionMinutes);
    }
}
