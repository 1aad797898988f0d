package com.seriescare.intake.patientform;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AbstractLocaleResolver;

/**
 * Form pages speak the patient's language (from their record, or the language link on the page), not the browser's:
 * a patient may read on a phone set up in another language. The page decides and this resolver obeys.
 */
@Configuration(proxyBeanMethods = false)
class PatientLocale {

    private static final String ATTRIBUTE = PatientLocale.class.getName();

    static void use(HttpServletRequest request, String language) {
        request.setAttribute(ATTRIBUTE, Locale.forLanguageTag(language));
    }

    @Bean
    LocaleResolver localeResolver() {
        return new AbstractLocaleResolver() {
            @Override
            public Locale resolveLocale(HttpServletRequest request) {
                return request.getAttribute(ATTRIBUTE) instanceof Locale locale ? locale : Locale.ENGLISH;
            }

            @Override
            public void setLocale(
                    HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response, Locale locale) {
                use(request, locale.getLanguage());
            }
        };
    }
}
