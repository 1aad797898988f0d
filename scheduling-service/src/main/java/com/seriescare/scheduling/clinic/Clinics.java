package com.seriescare.scheduling.clinic;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The configured clinics, by id. */
@Component
public class Clinics {

    private final Map<String, Clinic> byId;

    Clinics(ClinicsProperties properties) {
        this.byId = properties.clinics().stream()
                .map(ClinicsProperties.ClinicProperties::toClinic)
                .collect(Collectors.toUnmodifiableMap(Clinic::id, Function.identity()));
    }

    public Optional<Clinic> find(String clinicId) {
        return Optional.ofNullable(byId.get(clinicId));
    }

    public Clinic get(String clinicId) {
        return find(clinicId)
                .orElseThrow(() -> new IllegalStateException("No clinic '" + clinicId + "' is configured"));
    }

    public List<Clinic> all() {
        return List.copyOf(byId.values());
    }
}
