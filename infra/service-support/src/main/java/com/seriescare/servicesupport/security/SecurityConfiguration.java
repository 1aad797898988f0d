package com.seriescare.servicesupport.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Every API call is authenticated; only health and the service's {@code publicPaths} are public. {@code FRONT_DESK} books and changes, {@code INTEGRATION}
 * only reads, {@code OPERATOR} alone reaches the operations endpoints ({@code /api/operations/**}). An OIDC issuer, when configured, makes the service a JWT resource server; otherwise the configured
 * users sign in with HTTP Basic.
 */
@AutoConfiguration(before = org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration.class)
@ConditionalOnClass(SecurityFilterChain.class)
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityConfiguration {

    static final String FRONT_DESK = SecurityProperties.Role.FRONT_DESK.name();
    static final String INTEGRATION = SecurityProperties.Role.INTEGRATION.name();
    static final String OPERATOR = SecurityProperties.Role.OPERATOR.name();

    /** The profile of ./run-local and the system tests: dev users, the local SMS sink, {@code /api/dev/**}. */
    public static final String DEV_PROFILE = "dev";

    /** The role rule, and a clinic named among the user's authorities (a token's {@code clinic} claim). */
    static AuthorizationManager<RequestAuthorizationContext> ofAClinic(
            AuthorizationManager<RequestAuthorizationContext> roles) {
        return (authentication, context) -> {
            var decision = roles.authorize(authentication, context);
            if (decision == null || !decision.isGranted()) {
                return decision;
            }
            boolean ofAClinic = authentication.get().getAuthorities().stream()
                    .anyMatch(authority -> authority.getAuthority() != null
                            && authority.getAuthority().startsWith(CurrentUser.CLINIC_AUTHORITY_PREFIX));
            return new AuthorizationDecision(ofAClinic);
        };
    }

    @Bean
    CurrentUser currentUser() {
        return new CurrentUser();
    }

    @Bean
    SecurityFilterChain api(
            HttpSecurity http,
            SecurityProperties properties,
            @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri:}") String issuer)
            throws Exception {
        var problems = new ProblemResponses();
        http.authorizeHttpRequests(requests -> {
                    requests.requestMatchers("/actuator/health", "/actuator/health/**")
                            .permitAll();
                    if (!properties.publicPaths().isEmpty()) {
                        requests.requestMatchers(properties.publicPaths().toArray(String[]::new))
                                .permitAll();
                    }
                    requests.requestMatchers("/api/operations/**").hasRole(OPERATOR);
                    // every other door is a clinic's: a user (or token) that names no clinic is refused (403)
                    requests.requestMatchers(HttpMethod.GET, "/**")
                            .access(ofAClinic(AuthorityAuthorizationManager.hasAnyRole(FRONT_DESK, INTEGRATION)))
                            .anyRequest()
                            .access(ofAClinic(AuthorityAuthorizationManager.hasRole(FRONT_DESK)));
                })
                // a stateless API for programs and the front desk's tools: no cookies, so no CSRF to defend
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        if (issuer.isBlank()) {
            http.httpBasic(basic -> basic.authenticationEntryPoint(problems));
        } else {
            http.oauth2ResourceServer(server -> server.authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems)
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(new ClaimsToAuthorities(properties))));
        }
        return http.build();
    }

    /**
     * The configured users. Outside the {@code dev} profile, plain-text ({@code {noop}}) passwords are refused, and so
     * is a service nobody could sign in to (no issuer, no users): a secret that failed to mount must stop the service,
     * not open it. With an OIDC issuer, configured users sign in nowhere: the issuer is the only door.
     */
    @Bean
    UserDetailsService users(
            SecurityProperties properties,
            org.springframework.core.env.Environment environment,
            @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri:}") String issuer) {
        boolean dev = environment.matchesProfiles(DEV_PROFILE);
        if (!dev) {
            properties.users().stream()
                    .filter(user -> user.password().startsWith("{noop}"))
                    .findFirst()
                    .ifPresent(user -> {
                        throw new IllegalStateException("User '" + user.username()
                                + "' has a plain-text {noop} password, allowed only in the dev profile (./run-local)."
                                + " Give it a {bcrypt} hash, or sign in through an OIDC issuer"
                                + " (SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI).");
                    });
            if (issuer.isBlank() && properties.users().isEmpty()) {
                throw new IllegalStateException("Nobody could sign in: configure an OIDC issuer"
                        + " (SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI) or seriescare.security.users with"
                        + " {bcrypt} passwords. ./run-local runs with the dev profile, which has dev users.");
            }
        }
        if (!issuer.isBlank()) {
            return new InMemoryUserDetailsManager();
        }
        return new InMemoryUserDetailsManager(properties.users().stream()
                .map(user -> User.withUsername(user.username())
                        .password(user.password())
                        .passwordEncoder(password -> password) // already encoded, with its {id}
                        .authorities(authorities(
                                user.roles().stream().map(Enum::name).toList(), user.clinic()))
                        .build())
                .toList());
    }

    @Bean
    org.springframework.security.crypto.password.PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    static List<GrantedAuthority> authorities(Collection<String> roles, String clinic) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        roles.forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
        if (clinic != null) {
            authorities.add(new SimpleGrantedAuthority(CurrentUser.CLINIC_AUTHORITY_PREFIX + clinic));
        }
        return authorities;
    }

    /** Roles and clinic from the JWT's claims. */
    record ClaimsToAuthorities(SecurityProperties properties) implements Converter<Jwt, AbstractAuthenticationToken> {
        @Override
        public AbstractAuthenticationToken convert(Jwt jwt) {
            List<String> roles = jwt.getClaimAsStringList(properties.rolesClaim());
            return new JwtAuthenticationToken(
                    jwt,
                    authorities(roles == null ? List.of() : roles, jwt.getClaimAsString(properties.clinicClaim())),
                    jwt.getSubject());
        }
    }
}
