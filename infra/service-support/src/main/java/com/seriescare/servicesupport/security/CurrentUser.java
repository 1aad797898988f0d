package com.seriescare.servicesupport.security;

import java.util.Optional;
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
        return clinicOf(authentication())
                .orElseThrow(() -> new IllegalStateException("User " + username() + " belongs to no clinic"));
    }

    /** The caller's clinic, or empty for an account that names none (refused everywhere but the sign-in pages). */
    public Optional<String> clinic() {
        return clinicOf(authentication());
    }

    /** The clinic an authentication names among its authorities (a user's {@code clinic}, a token's claim), if any. */
    public static Optional<String> clinicOf(Authentication authentication) {
        return authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority != null && authority.startsWith(CLINIC_AUTHORITY_PREFIX))
                .map(authority -> authority.substring(CLINIC_AUTHORITY_PREFIX.length()))
                .findFirst();
    }

    private static Authentication authentication() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            throw new IllegalStateException("No authenticated user");
        }
        return authentication;
    }
}
