package com.seriescare.scheduling.frontdesk;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The front desk's web pages sign in with a form and keep a session (a cookie), so they defend against CSRF; the
 * API beside them stays stateless. Same users and roles as the API: only {@code FRONT_DESK} may use the pages.
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
        "/login",
        "/logout",
        "/denied",
        "/ui/**"
    };

    @Bean
    @Order(1)
    SecurityFilterChain frontDeskPages(HttpSecurity http) throws Exception {
        http.securityMatcher(PAGES)
                .authorizeHttpRequests(requests -> requests.requestMatchers("/login", "/denied", "/ui/**")
                        .permitAll()
                        .anyRequest()
                        .hasRole("FRONT_DESK"))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/today", true))
                .logout(logout -> logout.logoutUrl("/logout")
                        .logoutSuccessUrl("/login?signedOut")
                        // else the next request carries the ended session and is told it expired
                        .deleteCookies("JSESSIONID"))
                .sessionManagement(session -> session.invalidSessionUrl("/login?expired"))
                .exceptionHandling(errors -> errors.accessDeniedPage("/denied"));
        return http.build();
    }
}
