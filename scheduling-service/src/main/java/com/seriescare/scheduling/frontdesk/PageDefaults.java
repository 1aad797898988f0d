package com.seriescare.scheduling.frontdesk;

import com.seriescare.scheduling.clinic.Clinics;
import com.seriescare.scheduling.inbox.Inbox;
import com.seriescare.scheduling.shared.NotFound;
import com.seriescare.servicesupport.security.CurrentUser;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.thymeleaf.context.LazyContextVariable;

/**
 * What every front-desk page shows (the clinic, who is signed in, how many inbox items wait) and how a page answers
 * a link to something that does not exist or a mangled address: with a page, not the API's JSON.
 */
@ControllerAdvice(basePackageClasses = PageDefaults.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageDefaults {

    private final Clinics clinics;
    private final CurrentUser user;
    private final Inbox inbox;

    PageDefaults(Clinics clinics, CurrentUser user, Inbox inbox) {
        this.clinics = clinics;
        this.user = user;
        this.inbox = inbox;
    }

    @ModelAttribute
    void common(Model model, Principal signedIn) {
        if (signedIn == null) {
            return;
        }
        // the "denied" page is shown to accounts of no clinic too
        model.addAttribute("clinic", user.clinic().map(clinics::get).orElse(null));
        model.addAttribute("user", user.username());
        // what the navigation offers: the front desk's pages, the clinicians' alerts, or both
        var roles = ((org.springframework.security.core.Authentication) signedIn)
                .getAuthorities().stream()
                        .map(org.springframework.security.core.GrantedAuthority::getAuthority)
                        .toList();
        model.addAttribute("frontDesk", roles.contains("ROLE_FRONT_DESK"));
        model.addAttribute("clinician", roles.contains("ROLE_CLINICIAN"));
        model.addAttribute("clinicAdmin", roles.contains("ROLE_CLINIC_ADMIN"));
        // counted only when a template shows it: not for list fragments, previews or redirects
        model.addAttribute("inbox", new LazyContextVariable<Inbox.Waiting>() {
            @Override
            protected Inbox.Waiting loadValue() {
                return inbox.waiting();
            }
        });
    }

    @ExceptionHandler(NotFound.class)
    String notFound(NotFound e, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        model.addAttribute("problem", e.getMessage());
        return "frontdesk/problem";
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    String missing(MissingServletRequestParameterException e, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("problem", "The form was sent without its " + e.getParameterName() + ".");
        return "frontdesk/problem";
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    String badAddress(MethodArgumentTypeMismatchException e, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("problem", "'" + e.getValue() + "' is not a valid " + e.getName() + ".");
        return "frontdesk/problem";
    }
}
