package com.seriescare.scheduling;

import com.seriescare.testsupport.JsonHttp;

/** Clients for the test profile's users (application-test.yml). */
final class Api {

    static final String ANA = """
            {"firstName":"Ana","lastName":"Diaz","mobilePhone":"+13035550142","preferredLanguage":"en",
             "timeZone":"America/Denver","smsConsent":{"granted":true,"source":"front-desk"}}""";

    private Api() {}

    static JsonHttp anonymous(int port) {
        return JsonHttp.at("http://localhost:" + port);
    }

    static JsonHttp frontDesk(int port) {
        return anonymous(port).as("frontdesk", "frontdesk");
    }

    static JsonHttp integration(int port) {
        return anonymous(port).as("integration", "integration");
    }

    /** Front Range's clinic admin: its texts. */
    static JsonHttp clinicAdmin(int port) {
        return anonymous(port).as("admin", "admin");
    }

    /** The front desk of the other clinic. */
    static JsonHttp westSlope(int port) {
        return anonymous(port).as("westdesk", "westdesk");
    }

    static String registerPatient(JsonHttp api) {
        var response = api.post("/api/patients", ANA);
        if (response.status() != 201) {
            throw new IllegalStateException("Could not register a patient: " + response.body());
        }
        return response.json().path("id").asString();
    }
}
