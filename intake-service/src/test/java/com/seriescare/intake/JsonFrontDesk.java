package com.seriescare.intake;

import com.seriescare.testsupport.JsonHttp;

/** The front desk reading a form's status through the API. */
final class JsonFrontDesk {

    private JsonFrontDesk() {}

    static String status(int port, String path) {
        return JsonHttp.at("http://localhost:" + port)
                .as("frontdesk", "frontdesk")
                .get(path)
                .json()
                .path("status")
                .asString();
    }
}
