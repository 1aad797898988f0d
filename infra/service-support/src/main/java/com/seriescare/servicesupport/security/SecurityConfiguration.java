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
    static final String CLINICIAN = SecurityProperties.Role.CLINICIAN.name();
    static final String CLINIC_ADMIN = SecurityProperties.Role.CLINIC_ADMIN.name();

    /** The profile of ./run-local and the system tests: dev users, the local SMS sink, {@code /api/dev/**}. */
    public static final String DEV_PROFILE = "dev";

    /** The role rule, and a clinic named among the user's authorities (a token's {@code clinic} claim). */
    public static AuthorizationManager<RequestAuthorizationContext> ofAClinic(
            AuthorizationManager<RequestAuthorizationContext> roles) {
        return (authentication, context) -> {
            var decision = roles.authorize(authentication, context);
            if (decision == null || !decision.isGranted()) {
                return decision;
            }
            return new AuthorizationDecision(
                    CurrentUser.clinicOf(authentication.get()).isPresent());
        };
    }

    /**
     * The pages' and the API's response headers: a Content Security Policy that allows no inline or foreign script
     * (our pages have none; an injected one does not run), no framing, no referrer beyond our origin, no browser
     * features we do not use, HSTS on HTTPS requests, and Spring Security's defaults (nosniff, no caching).
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; object-src 'none';"
            + " base-uri 'none'; frame-ancestors 'none'; form-action 'self'; img-src 'self' data:;"
            + " style-src 'self' 'unsafe-inline'";

    public static void secureHeaders(HttpSecurity http) throws Exception {
        http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(
                        org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy
                                .SAME_ORIGIN))
                .addHeaderWriter(new org.springframework.security.web.header.writers.StaticHeadersWriter(
                        "Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()"))
                .httpStrictTransportSecurity(
                        hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)));
    }

    /** The throttles' buckets, in the store: every replica spends from one allowance. */
    @Bean
    com.seriescare.servicesupport.throttle.StoredBuckets throttleBuckets(
            org.springframework.data.mongodb.core.MongoTemplate mongo) {
        return new com.seriescare.servicesupport.throttle.StoredBuckets(mongo);
    }

    /** Failed sign-ins counted per account and address, checked before Spring Security's filters. */
    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<SignInThrottle> signInThrottle(
            io.github.bucket4j.distributed.proxy.ProxyManager<String> throttleBuckets,
            @Value("${seriescare.security.sign-in-throttle.per-account:10}") int perAccount,
            @Value("${seriescare.security.sign-in-throttle.per-address:50}") int perAddress,
            @Value("${seriescare.security.sign-in-throttle.per:15m}") java.time.Duration per) {
        var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(
                new SignInThrottle(throttleBuckets, perAccount, perAddress, per));
        registration.setOrder(
                org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties
                                .DEFAULT_FILTER_ORDER
                        - 1);
        return registration;
    }

    /**
     * The API's token check with an OIDC issuer: signature by the issuer's keys with the configured algorithms only
     * (default RS256 — Spring's issuer discovery would otherwise take every algorithm the key type allows, RS512
     * included), issuer, expiry and not-before, and our audience. The issuer is asked for its keys at the first token,
     * not at start-up.
     */
    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnExpression(
            "!'${spring.security.oauth2.resourceserver.jwt.issuer-uri:}'.isBlank()")
    org.springframework.security.oauth2.jwt.JwtDecoder jwtDecoder(
            @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer,
            @Value("${spring.security.oauth2.resourceserver.jwt.audiences:seriescare}") List<String> audiences,
            @Value("${spring.security.oauth2.resourceserver.jwt.jws-algorithms:RS256}") List<String> algorithms) {
        return new org.springframework.security.oauth2.jwt.SupplierJwtDecoder(() -> {
            var decoder = org.springframework.security.oauth2.jwt.NimbusJwtDecoder.withIssuerLocation(issuer)
                    .jwsAlgorithms(allowed -> {
                        allowed.clear();
                        algorithms.forEach(name -> allowed.add(
                                org.springframework.security.oauth2.jose.jws.SignatureAlgorithm.from(name.strip())));
                    })
                    .build();
            decoder.setJwtValidator(new org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator<>(
                    org.springframework.security.oauth2.jwt.JwtValidators.createDefaultWithIssuer(issuer),
                    new org.springframework.security.oauth2.jwt.JwtClaimValidator<List<String>>(
                            "aud", aud -> aud != null && aud.stream().anyMatch(audiences::contains))));
            return decoder;
        });
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
                    // the error page of a request that was already let through (or refused) answers as it is:
                    // a failing web page must not turn into a demand for Basic credentials
                    requests.dispatcherTypeMatchers(jakarta.servlet.DispatcherType.ERROR)
                            .permitAll();
                    if (!properties.publicPaths().isEmpty()) {
                        requests.requestMatchers(properties.publicPaths().toArray(String[]::new))
                                .permitAll();
                    }
                    requests.requestMatchers("/api/operations/**").hasRole(OPERATOR);
                    // the scrape describes the service, never a patient: the operator's (Prometheus signs in as one)
                    requests.requestMatchers("/actuator/prometheus").hasRole(OPERATOR);
                    // what patients answered, in full: the clinicians' alone (the front desk sees that a clinician must
                    // look, not why)
                    requests.requestMatchers("/api/clinical/**")
                            .access(ofAClinic(AuthorityAuthorizationManager.hasRole(CLINICIAN)));
                    // how a clinic words and times its texts: its admins' alone
                    requests.requestMatchers("/api/clinics/**")
                            .access(ofAClinic(AuthorityAuthorizationManager.hasRole(CLINIC_ADMIN)));
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
        secureHeaders(http);
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
        var configured = new InMemoryUserDetailsManager(properties.users().stream()
                .map(user -> User.withUsername(user.username())
                        .password(user.password())
                        .passwordEncoder(password -> password) // already encoded, with its {id}
                        .authorities(authorities(
                                user.roles().stream().map(Enum::name).toList(), user.clinic()))
                        .build())
                .toList());
        // Handed out as a plain UserDetailsService, not as the manager itself: Spring Security "upgrades" the stored
        // password of any UserDetailsPasswordService to bcrypt at the first sign-in, after which every HTTP Basic
        // request paid a bcrypt check (150 ms on two cores; B1's whole baseline). The configured hash stays as given.
        return configured::loadUserByUsername;
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

    /**
     * Roles and clinic from an issuer's claims (an API token's, or the web app's ID token's): roles from
     * {@code rolesClaim}, the clinic from {@code clinicClaim}. A claim that is missing gives no authority, so the
     * request is refused (403), not failed.
     */
    public static List<GrantedAuthority> authoritiesFromClaims(
            java.util.Map<String, Object> claims, SecurityProperties properties) {
        List<String> roles = claims.get(properties.rolesClaim()) instanceof Collection<?> values
                ? values.stream().map(String::valueOf).toList()
                : List.of();
        Object clinic = claims.get(properties.clinicClaim());
        return authorities(roles, clinic == null ? null : String.valueOf(clinic));
    }

    /**
     * The name a person is known by in the audit trail and on the pages: the {@code usernameClaim} (by default
     * {@code preferred_username}) when the issuer sends it, else the subject.
     */
    public static String usernameClaimOf(java.util.Map<String, Object> claims, SecurityProperties properties) {
        return claims.get(properties.usernameClaim()) != null ? properties.usernameClaim() : "sub";
    }

    /** Roles and clinic from the JWT's claims. */
    record ClaimsToAuthorities(SecurityProperties properties) implements Converter<Jwt, AbstractAuthenticationToken> {
        @Override
        public AbstractAuthenticationToken convert(Jwt jwt) {
            return new JwtAuthenticationToken(
                    jwt,
                    authoritiesFromClaims(jwt.getClaims(), properties),
                    jwt.getClaimAsString(usernameClaimOf(jwt.getClaims(), properties)));
        }
    }
}
