package com.seriescare.scheduling.frontdesk;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Sign in, and the page for an account that may not use the front desk (an integration's account). */
@Controller
class SignInPages {

    @GetMapping("/login")
    String login() {
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
