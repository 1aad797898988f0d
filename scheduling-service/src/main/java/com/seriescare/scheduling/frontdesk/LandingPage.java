package com.seriescare.scheduling.frontdesk;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;

/**
 * Where signing in lands: a clinician who followed a page's link to an alert, on that alert; a clinician otherwise on
 * the care alerts; the front desk on Today (never on a fragment the page was polling when the session ended).
 */
class LandingPage implements AuthenticationSuccessHandler {

    private final RequestCache requests = new HttpSessionRequestCache();

    @Override
    public void onAuthenticationSuccess(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        var saved = requests.getRequest(request, response);
        requests.removeRequest(request, response);
        boolean frontDesk = has(authentication, "ROLE_FRONT_DESK");
        boolean clinician = has(authentication, "ROLE_CLINICIAN");
        boolean admin = has(authentication, "ROLE_CLINIC_ADMIN");
        String target = frontDesk ? "/today" : clinician ? "/alerts" : admin ? "/settings/texts" : "/alerts";
        if (clinician && saved != null) {
            String path = java.net.URI.create(saved.getRedirectUrl()).getPath();
            if (path != null && path.matches("/alerts/[A-Za-z0-9-]{1,64}")) {
                target = path;
            }
        }
        response.sendRedirect(request.getContextPath() + target);
    }

    private static boolean has(Authentication authentication, String authority) {
        return authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(authority::equals);
    }
}
