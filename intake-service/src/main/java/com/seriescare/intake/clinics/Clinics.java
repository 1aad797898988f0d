package com.seriescare.intake.clinics;

import com.seriescare.intake.clinics.ClinicsProperties.ClinicProperties;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/** The configured clinics, looked up by id. */
@Component
@EnableConfigurationProperties(ClinicsProperties.class)
public class Clinics {

    /** For a clinic missing from the configuration: the usual deadlines, and no phone number rather than a wrong one. */
    static final Duration DEFAULT_INTAKE_DUE_BEFORE = Duration.ofHours(72);

    static final Duration DEFAULT_CHECKLIST_DUE_BEFORE = Duration.ofHours(24);

    private final List<ClinicProperties> clinics;

    Clinics(ClinicsProperties properties) {
        this.clinics = List.copyOf(properties.clinics());
    }

    public ClinicProperties byId(String clinicId) {
        return clinics.stream()
                .filter(c -> c.id().equals(clinicId))
                .findFirst()
                .orElseGet(() -> new ClinicProperties(
                        clinicId,
                        "your clinic",
                        clinics.getFirst().phone(),
                        clinics.getFirst().phoneRegion(),
                        DEFAULT_INTAKE_DUE_BEFORE,
                        DEFAULT_CHECKLIST_DUE_BEFORE));
    }
}
