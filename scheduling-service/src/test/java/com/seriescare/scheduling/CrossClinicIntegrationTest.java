package com.seriescare.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import com.seriescare.testsupport.JsonHttp;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A clinic's front desk walks every door of the API with another clinic's ids: each answers 404, exactly as for an id
 * that does not exist (so ids leak nothing), and nothing of the other clinic's changes.
 */
@SchedulingServiceTest
class CrossClinicIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void everyEndpointAnswers404ForAnotherClinicsPatientSeriesAndSessionsAndChangesNothing() {
        JsonHttp frontRange = Api.frontDesk(port);
        JsonHttp westSlope = Api.westSlope(port);
        String patientId = Api.registerPatient(frontRange);
        var booked = frontRange.post("/api/series", """
                {"patientId":"%s","sessions":[{"start":"2026-12-21T09:00"},{"start":"2026-12-23T09:00"}]}""".formatted(patientId));
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        String seriesId = booked.json().path("id").asString();
        String sessionId = booked.json().path("sessions").get(0).path("id").asString();
        String session = "/api/series/" + seriesId + "/sessions/" + sessionId;
        String before = frontRange.get("/api/series/" + seriesId).body();

        Map<String, JsonHttp.Response> answers = new LinkedHashMap<>();
        answers.put("GET patient", westSlope.get("/api/patients/" + patientId));
        answers.put("GET history", westSlope.get("/api/patients/" + patientId + "/history"));
        answers.put("PUT contact", westSlope.put("/api/patients/" + patientId + "/contact", """
                {"firstName":"Mallory","lastName":"X","mobilePhone":"(970) 555-0199"}"""));
        answers.put(
                "PUT consent",
                westSlope.put(
                        "/api/patients/" + patientId + "/sms-consent",
                        "{\"granted\":false,\"source\":\"phone-call\"}"));
        answers.put("GET series", westSlope.get("/api/series/" + seriesId));
        answers.put("POST reschedule", westSlope.post(session + "/reschedule", "{\"start\":\"2026-12-22T10:00\"}"));
        answers.put("POST cancel session", westSlope.post(session + "/cancel", "{\"reason\":\"x\"}"));
        answers.put("POST check-in", westSlope.post(session + "/check-in", ""));
        answers.put("POST complete", westSlope.post(session + "/complete", ""));
        answers.put("POST no-show", westSlope.post(session + "/no-show", ""));
        answers.put("POST confirm", westSlope.post(session + "/confirm", ""));
        answers.put("POST cancel series", westSlope.post("/api/series/" + seriesId + "/cancel", "{\"reason\":\"x\"}"));

        answers.forEach((door, answer) -> {
            assertThat(answer.status()).as(door + ": " + answer.body()).isEqualTo(404);
            assertThat(answer.contentType()).as(door).contains("application/problem+json");
        });
        // booking names the patient in the body: refused as for a patient that does not exist (400), word for word
        String booking = "{\"patientId\":\"%s\",\"sessions\":[{\"start\":\"2026-12-22T09:00\"}]}";
        var theirs = westSlope.post("/api/series", booking.formatted(patientId));
        var nobody = westSlope.post("/api/series", booking.formatted("no-such-patient"));
        assertThat(theirs.status()).isEqualTo(400).isEqualTo(nobody.status());
        assertThat(theirs.body().replace(patientId, "ID"))
                .isEqualTo(nobody.body().replace("no-such-patient", "ID"));
        assertThat(westSlope.get("/api/patients?q=Diaz").json().valueStream())
                .noneMatch(found -> found.path("id").asString().equals(patientId));
        assertThat(westSlope.get("/api/sessions?date=2026-12-21").body()).doesNotContain(sessionId);
        assertThat(frontRange.get("/api/series/" + seriesId).body()).isEqualTo(before);
        assertThat(frontRange
                        .get("/api/patients/" + patientId)
                        .json()
                        .path("firstName")
                        .asString())
                .isEqualTo("Ana");
    }
}
