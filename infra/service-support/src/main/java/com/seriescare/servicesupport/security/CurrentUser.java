package com.seriescare.servicesupport.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is calling, and for which clinic. Every request to the API is authenticated, so there always is someone. */
public class CurrentUser {

    /** Authorities of this prefix name the user's clinic, e.g. {@code CLINIC_front-range}. */
    static final String CLINIC_AUTHORITY_PREFIX = "CLINIC_";

    public String username() {
        return authentication().getName();
    }

    public String clinicId() {
        return authentication().getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority != null && authority.startsWith(CLINIC_AUTHORITY_PREFIX))
                .map(authority -> authority.substring(CLINIC_AUTHORITY_PREFIX.length()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("User " + username() + " belongs to no clinic"));
    }

    private static Authentication authentication() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            throw new IllegalStateException("No authenticated user");
        }
        return authentication;
    }
}
