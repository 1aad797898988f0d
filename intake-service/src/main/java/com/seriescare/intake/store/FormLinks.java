package com.seriescare.intake.store;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Builds the link a patient gets in a text: the public address of the form pages, the form's id and its token. */
@Component
public class FormLinks {

    private final String publicBaseUrl;

    FormLinks(@Value("${seriescare.forms.public-base-url:http://localhost:8082}") String publicBaseUrl) {
        this.publicBaseUrl =
                publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
    }

    public String link(String formId, String token) {
        return publicBaseUrl + "/f/" + formId + "/" + token;
    }
}
