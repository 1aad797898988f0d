package com.seriescare.scheduling.frontdesk;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Sign in, and the page for an account that may not use the front desk (an integration's account). */
@Controller
class SignInPages {

    private final boolean throughIssuer;

    SignInPages(@Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri:}") String issuer) {
        this.throughIssuer = !issuer.isBlank();
    }

    /** With an OIDC issuer the page offers the clinic account's sign-in and no password form. */
    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("throughIssuer", throughIssuer);
        model.addAttribute("issuerSignIn", ClinicIssuerSignIn.START);
        return "frontdesk/login";
    }

    @GetMapping("/denied")
    String denied(HttpServletResponse response) {
        response.setStatus(HttpStatus.FORBIDDEN.value());
        return "frontdesk/denied";
    }

    @GetMapping("/")
    String home() {
        return "redirect:/today";
    }
}
