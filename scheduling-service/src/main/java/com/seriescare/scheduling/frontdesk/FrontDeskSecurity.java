package com.seriescare.scheduling.frontdesk;

import com.seriescare.servicesupport.security.SecurityConfiguration;
import com.seriescare.servicesupport.security.SecurityProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The front desk's web pages keep a session (a cookie), so they defend against CSRF; the API beside them stays
 * stateless. With an OIDC issuer configured the pages sign in there ({@link ClinicIssuerSignIn}) and there is no
 * password form at all; without one (the dev profile) the configured users sign in with a form. Either way only
 * {@code FRONT_DESK} of a named clinic may use the pages, {@code CLINICIAN} the care alerts, {@code CLINIC_ADMIN} the
 * clinic's texts.
 */
@Configuration(proxyBeanMethods = false)
class FrontDeskSecurity {

    static final String[] PAGES = {
        "/",
        "/today",
        "/today/**",
        "/patients",
        "/patients/**",
        "/book",
        "/book/**",
        "/inbox",
        "/inbox/**",
        "/alerts",
        "/alerts/**",
        "/settings",
        "/settings/**",
        "/login",
        "/login/oauth2/**",
        "/oauth2/**",
        "/logout",
        "/denied",
        "/ui/**"
    };

    @Bean
    @Order(1)
    SecurityFilterChain frontDeskPages(
            HttpSecurity http,
            SecurityProperties properties,
            @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri:}") String issuer,
            @Value("${seriescare.frontdesk.oidc.client-id:seriescare-frontdesk}") String clientId,
            @Value("${seriescare.frontdesk.oidc.client-secret:}") String clientSecret)
            throws Exception {
        http.securityMatcher(PAGES)
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/login", "/login/oauth2/**", "/oauth2/**", "/denied", "/ui/**")
                        .permitAll()
                        // the care alerts are the clinicians' (the page an on-call clinician is texted links there)
                        .requestMatchers("/alerts", "/alerts/**")
                        .access(SecurityConfiguration.ofAClinic(AuthorityAuthorizationManager.hasRole("CLINICIAN")))
                        // how the clinic's texts are worded: its admins'
                        .requestMatchers("/settings", "/settings/**")
                        .access(SecurityConfiguration.ofAClinic(AuthorityAuthorizationManager.hasRole("CLINIC_ADMIN")))
                        .anyRequest()
                        .access(SecurityConfiguration.ofAClinic(AuthorityAuthorizationManager.hasRole("FRONT_DESK"))))
                .logout(logout -> logout.logoutUrl("/logout")
                        .logoutSuccessUrl("/login?signedOut")
                        // else the next request carries the ended session and is told it expired
                        .deleteCookies("JSESSIONID"))
                .sessionManagement(session -> session.invalidSessionUrl("/login?expired"))
                .exceptionHandling(errors -> errors.accessDeniedPage("/denied"));
        SecurityConfiguration.secureHeaders(http);
        if (issuer.isBlank()) {
            http.formLogin(form -> form.loginPage("/login").successHandler(new LandingPage()));
        } else {
            var signIn = new ClinicIssuerSignIn(issuer, clientId, clientSecret, properties);
            var registrations = new ClinicIssuerSignIn.DiscoveredOnFirstUse(signIn);
            http.oauth2Login(login -> signIn.configure(login, registrations))
                    .logout(logout -> logout.logoutSuccessHandler(signIn.logoutSuccess(registrations)));
        }
        return http.build();
    }
}
