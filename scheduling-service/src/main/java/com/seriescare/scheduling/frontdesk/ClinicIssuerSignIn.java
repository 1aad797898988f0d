package com.seriescare.scheduling.frontdesk;

import com.seriescare.servicesupport.security.SecurityConfiguration;
import com.seriescare.servicesupport.security.SecurityProperties;
import java.util.HashSet;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.configurers.oauth2.client.OAuth2LoginConfigurer;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;

/**
 * The front desk signs in at the clinic group's OIDC issuer (the same one whose tokens the API takes): the
 * authorization-code flow with PKCE, roles and clinic from the ID token's claims exactly as from an API token. The
 * issuer's metadata is fetched on the first sign-in, not at start-up, so a service does not fail to start (or stop
 * being ready) because the issuer is briefly away; while it is away the sign-in page says so.
 *
 * @param clientSecret blank for a public client (PKCE alone); given, the client authenticates with it as well
 */
record ClinicIssuerSignIn(String issuer, String clientId, String clientSecret, SecurityProperties claims) {

    /** The registration's id, in {@code /oauth2/authorization/clinic} and {@code /login/oauth2/code/clinic}. */
    static final String REGISTRATION = "clinic";

    static final String START = "/oauth2/authorization/" + REGISTRATION;

    void configure(OAuth2LoginConfigurer<?> login, ClientRegistrationRepository registrations) {
        login.loginPage("/login")
                .clientRegistrationRepository(registrations)
                .userInfoEndpoint(user -> user.oidcUserService(users()))
                .successHandler(new LandingPage())
                .failureUrl("/login?error")
                // an issuer that cannot be reached: back to the sign-in page, which says so (not a 500)
                .withObjectPostProcessor(new ObjectPostProcessor<OAuth2AuthorizationRequestRedirectFilter>() {
                    @Override
                    public <O extends OAuth2AuthorizationRequestRedirectFilter> O postProcess(O filter) {
                        filter.setAuthenticationFailureHandler(
                                (request, response, failure) -> response.sendRedirect("/login?unavailable"));
                        return filter;
                    }
                });
    }

    /** Signing out ends the issuer's session too (RP-initiated logout) when the issuer offers it. */
    LogoutSuccessHandler logoutSuccess(ClientRegistrationRepository registrations) {
        var handler = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        handler.setPostLogoutRedirectUri("{baseUrl}/login?signedOut");
        // an issuer without an end_session_endpoint: our session is over all the same, and the page says so
        handler.setDefaultTargetUrl("/login?signedOut");
        return handler;
    }

    private OAuth2UserService<OidcUserRequest, OidcUser> users() {
        var delegate = new OidcUserService();
        return request -> {
            OidcUser user = delegate.loadUser(request);
            var authorities = new HashSet<>(SecurityConfiguration.authoritiesFromClaims(user.getClaims(), claims));
            return new DefaultOidcUser(
                    authorities,
                    user.getIdToken(),
                    user.getUserInfo(),
                    SecurityConfiguration.usernameClaimOf(user.getClaims(), claims));
        };
    }

    ClientRegistration registration() {
        var registration = ClientRegistrations.fromIssuerLocation(issuer)
                .registrationId(REGISTRATION)
                .clientName("your clinic account")
                .clientId(clientId)
                .scope("openid", "profile")
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .clientSettings(ClientRegistration.ClientSettings.builder()
                        .requireProofKey(true)
                        .build());
        if (clientSecret == null || clientSecret.isBlank()) {
            registration.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
        } else {
            registration.clientSecret(clientSecret);
        }
        return registration.build();
    }

    /** One registration, the clinic issuer's, resolved the first time someone signs in and kept from then on. */
    static final class DiscoveredOnFirstUse implements ClientRegistrationRepository {
        private final ClinicIssuerSignIn signIn;
        private volatile ClientRegistration registration;

        DiscoveredOnFirstUse(ClinicIssuerSignIn signIn) {
            this.signIn = signIn;
        }

        @Override
        public ClientRegistration findByRegistrationId(String registrationId) {
            if (!REGISTRATION.equals(registrationId)) {
                return null;
            }
            if (registration == null) {
                synchronized (this) {
                    if (registration == null) {
                        registration = signIn.registration();
                    }
                }
            }
            return registration;
        }
    }
}
