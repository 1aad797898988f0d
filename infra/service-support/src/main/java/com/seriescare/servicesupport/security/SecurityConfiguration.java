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
                    requests.requestMatchers(HttpMethod.GET, "/**")
                            .hasAnyRole(FRONT_DESK, INTEGRATION)
                            .anyRequest()
                            .hasRole(FRONT_DESK);
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

    @Bean
    UserDetailsService users(SecurityProperties properties) {
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
