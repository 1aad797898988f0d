package com.seriescare.servicesupport.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Who may use the API ({@code seriescare.security.*}). With an OIDC issuer configured
 * ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri}) users come from JWTs: roles from
 * {@code rolesClaim}, the clinic from {@code clinicClaim}, the name from {@code usernameClaim} (else the subject). Without one (the dev stack) the listed users sign in
 * with HTTP Basic. {@code publicPaths} are open without credentials besides health (e.g. Twilio's webhooks, which
 * prove themselves with their signature).
 */
@Validated
@ConfigurationProperties("seriescare.security")
public record SecurityProperties(
        List<@Valid User> users,
        @DefaultValue("roles") String rolesClaim,
        @DefaultValue("clinic") String clinicClaim,
        @DefaultValue("preferred_username") String usernameClaim,
        List<String> publicPaths) {

    public SecurityProperties {
        users = users == null ? List.of() : List.copyOf(users);
        publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
    }

    /**
     * @param password encoded with its id, e.g. {@code {bcrypt}$2a$...} ({@code {noop}} only for the dev stack)
     * @param roles {@code FRONT_DESK} (book and change), {@code INTEGRATION} (read only), {@code OPERATOR} (the
     *     operations endpoints, e.g. dead letters; no patient data), {@code CLINICIAN} (care alerts: acknowledge,
     *     handle) or {@code CLINIC_ADMIN} (the clinic's texts)
     * @param clinic the clinic whose patients the user works with
     */
    public record User(
            @NotBlank String username,
            @NotBlank String password,
            @NotEmpty List<Role> roles,
            @NotBlank String clinic) {}

    public enum Role {
        FRONT_DESK,
        INTEGRATION,
        OPERATOR,
        CLINICIAN,
        /** words the clinic's texts (templates, previews, versions); sees no patient */
        CLINIC_ADMIN
    }
}
