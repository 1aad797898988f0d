package com.seriescare.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.seriescare.testsupport.JsonHttp;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

/** Patterns, conflicts with their suggestions, and dry runs. The test clinic has 2 chairs, open 08:00-18:00 Mon-Fri,
 * closed 2027-01-18 (a holiday) and 2027-01-20 to 21 (training). */
@SchedulingServiceTest
class BookingRulesIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    JsonHttp api;

    @BeforeEach
    void emptyCalendar() {
        mongo.remove(new Query(), "series");
        api = Api.frontDesk(port);
    }

    @Test
    void aMondayThursdayPatternKeepsNineLocalAcrossTheNovemberClockChange() {
        JsonNode sessions =
                bookPattern(Api.registerPatient(api), "2026-10-26", 4).json().path("sessions");

        assertThat(sessions.findValuesAsString("localStart"))
                .containsExactly(
                        "2026-10-26T09:00:00", "2026-10-29T09:00:00", "2026-11-02T09:00:00", "2026-11-05T09:00:00");
        assertThat(sessions.findValuesAsString("start"))
                .containsExactly(
                        "2026-10-26T15:00:00Z", "2026-10-29T15:00:00Z", "2026-11-02T16:00:00Z", "2026-11-05T16:00:00Z");
    }

    @Test
    void aMondayThursdayPatternKeepsNineLocalAcrossTheMarchClockChange() {
        JsonNode sessions =
                bookPattern(Api.registerPatient(api), "2027-03-08", 6).json().path("sessions");

        assertThat(sessions.findValuesAsString("localStart"))
                .allMatch(local -> local.endsWith("T09:00:00"))
                .containsExactly(
                        "2027-03-08T09:00:00",
                        "2027-03-11T09:00:00",
                        "2027-03-15T09:00:00",
                        "2027-03-18T09:00:00",
                        "2027-03-22T09:00:00",
                        "2027-03-25T09:00:00");
        assertThat(sessions.findValuesAsString("start"))
                .containsExactly(
                        "2027-03-08T16:00:00Z",
                        "2027-03-11T16:00:00Z",
                        "2027-03-15T15:00:00Z",
                        "2027-03-18T15:00:00Z",
                        "2027-03-22T15:00:00Z",
                        "2027-03-25T15:00:00Z");
    }

    @Test
    void aSessionInThePastIsRefusedWithTheNearestFutureStart() {
        JsonNode conflict = refusedConflict(Api.registerPatient(api), "2026-10-19T09:00");

        assertThat(conflict.path("kind").asString()).isEqualTo("IN_THE_PAST");
        assertThat(conflict.path("suggestedStart").asString()).isEqualTo("2026-10-20T10:15:00"); // now is 10:00 local
    }

    @Test
    void aSessionEndingAfterClosingIsRefusedWithTheLatestStartThatFits() {
        JsonNode conflict = refusedConflict(Api.registerPatient(api), "2026-12-01T17:00");

        assertThat(conflict.path("kind").asString()).isEqualTo("OUTSIDE_OPENING_HOURS");
        assertThat(conflict.path("reason").asString()).contains("08:00-18:00");
        assertThat(conflict.path("suggestedStart").asString()).isEqualTo("2026-12-01T16:30:00");
    }

    @Test
    void aSessionOnAClinicHolidayIsRefusedNamingItWithTheNearestOpenStart() {
        JsonNode conflict = refusedConflict(Api.registerPatient(api), "2027-01-18T09:00");

        assertThat(conflict.path("kind").asString()).isEqualTo("CLINIC_CLOSED");
        assertThat(conflict.path("reason").asString()).contains("Martin Luther King Jr. Day");
        assertThat(conflict.path("suggestedStart").asString()).isEqualTo("2027-01-19T08:00:00");
    }

    @Test
    void aPatternRunningIntoClosedDaysNamesEachOfThemAndBooksNothing() {
        String patient = Api.registerPatient(api);
        var response = api.post("/api/series", """
                {"patientId":"%s","pattern":{"firstDate":"2027-01-11","count":4,"weekdays":["MONDAY","THURSDAY"],"time":"09:00"}}""".formatted(patient));

        assertThat(response.status()).as(response.body()).isEqualTo(409);
        JsonNode conflicts = response.json().path("conflicts");
        assertThat(conflicts.findValuesAsString("requestedStart"))
                .containsExactly("2027-01-18T09:00:00", "2027-01-21T09:00:00");
        assertThat(conflicts.findValuesAsString("kind")).containsOnly("CLINIC_CLOSED");
        assertThat(conflicts.get(1).path("reason").asString()).contains("Staff training");
        assertThat(mongo.count(query(where("series.patientId").is(patient)), "series"))
                .isZero();
    }

    @Test
    void aSessionOverlappingThePatientsOtherSeriesIsRefusedWithTheNextFreeStart() {
        String patient = Api.registerPatient(api);
        assertThat(book(patient, "2026-12-07T09:00").status()).isEqualTo(201);

        JsonNode conflict = refusedConflict(patient, "2026-12-07T10:00");

        assertThat(conflict.path("kind").asString()).isEqualTo("OVERLAPS_SAME_PATIENT");
        assertThat(conflict.path("suggestedStart").asString()).isEqualTo("2026-12-07T10:30:00");
    }

    @Test
    void aSessionWhenEveryChairIsTakenIsRefusedWithTheNextTimeAChairIsFree() {
        assertThat(book(Api.registerPatient(api), "2026-12-08T09:00").status()).isEqualTo(201);
        assertThat(book(Api.registerPatient(api), "2026-12-08T09:00").status()).isEqualTo(201);

        JsonNode conflict = refusedConflict(Api.registerPatient(api), "2026-12-08T09:00");

        assertThat(conflict.path("kind").asString()).isEqualTo("NO_CHAIR_FREE");
        assertThat(conflict.path("suggestedStart").asString()).isEqualTo("2026-12-08T10:30:00");
    }

    @Test
    void frontDesksRacingForTheLastChairsNeverBookMoreThanTheClinicHas() throws Exception {
        // the chair check read, then inserted, with nothing to stop a second writer: two desks both got the last chair
        int desks = 8;
        List<String> patients = new java.util.ArrayList<>();
        for (int i = 0; i < desks; i++) {
            patients.add(Api.registerPatient(api));
        }
        var start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<JsonHttp.Response>> answers = new java.util.ArrayList<>();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(desks)) {
            for (String patient : patients) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return book(patient, "2026-12-08T09:00");
                }));
            }
            start.countDown();
        }
        List<Integer> statuses = new java.util.ArrayList<>();
        for (var answer : answers) {
            statuses.add(answer.get().status());
        }

        assertThat(statuses).filteredOn(status -> status == 201).hasSize(2);
        assertThat(statuses).filteredOn(status -> status == 409).hasSize(desks - 2);
        assertThat(mongo.count(new Query(), "series")).isEqualTo(2);
        // a loser is told why and where a chair is free, as any refused booking is
        JsonNode loser = answers.stream()
                .map(answer -> {
                    try {
                        return answer.get();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .filter(response -> response.status() == 409)
                .findFirst()
                .orElseThrow()
                .json();
        assertThat(loser.path("conflicts").get(0).path("kind").asString()).isEqualTo("NO_CHAIR_FREE");
        assertThat(loser.path("conflicts").get(0).path("suggestedStart").asString())
                .isEqualTo("2026-12-08T10:30:00");
    }

    @Test
    void aDryRunPreviewsAndListsConflictsButBooksNothing() {
        String patient = Api.registerPatient(api);

        var preview = api.post("/api/series?dryRun=true", """
                {"patientId":"%s","sessions":[{"start":"2026-12-09T09:00"},{"start":"2026-12-09T20:00"}]}""".formatted(patient));
        var clean = api.post(
                "/api/series?dryRun=true",
                "{\"patientId\":\"%s\",\"sessions\":[{\"start\":\"2026-12-09T09:00\"}]}".formatted(patient));

        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.json().path("bookable").asBoolean()).isFalse();
        assertThat(preview.json().path("sessions")).hasSize(2);
        assertThat(preview.json().path("conflicts").get(0).path("index").asInt())
                .isEqualTo(1);
        assertThat(clean.json().path("bookable").asBoolean()).isTrue();
        assertThat(mongo.count(query(where("series.patientId").is(patient)), "series"))
                .isZero();
    }

    @Test
    void aPatternAndExplicitSessionsTogetherAreRefused() {
        var response = api.post("/api/series", """
                {"patientId":"%s","sessions":[{"start":"2026-12-09T09:00"}],
                 "pattern":{"firstDate":"2026-12-07","count":2,"weekdays":["MONDAY"],"time":"09:00"}}""".formatted(Api.registerPatient(api)));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("detail").asString()).contains("either sessions or a pattern");
    }

    @Test
    void anUnknownTreatmentPlanIsRefusedNamingTheKnownOnes() {
        var response = api.post("/api/series", """
                {"patientId":"%s","treatmentPlan":"lozenge","sessions":[{"start":"2026-12-09T09:00"}]}""".formatted(Api.registerPatient(api)));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("detail").asString()).contains("iv-infusion", "nasal-esketamine");
    }

    @Test
    void theTreatmentPlanSetsHowLongTheChairIsTaken() {
        var response = api.post("/api/series", """
                {"patientId":"%s","treatmentPlan":"nasal-esketamine","sessions":[{"start":"2026-12-09T09:00"}]}""".formatted(Api.registerPatient(api)));

        assertThat(response.json()
                        .path("sessions")
                        .get(0)
                        .path("durationMinutes")
                        .asInt())
                .isEqualTo(135);
        assertThat(response.json().path("sessions").get(0).path("end").asString())
                .isEqualTo("2026-12-09T18:15:00Z");
    }

    private JsonHttp.Response bookPattern(String patient, String firstDate, int count) {
        var response = api.post("/api/series", """
                {"patientId":"%s","pattern":{"firstDate":"%s","count":%d,"weekdays":["MONDAY","THURSDAY"],"time":"09:00"}}""".formatted(patient, firstDate, count));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response;
    }

    private JsonHttp.Response book(String patient, String start) {
        return api.post(
                "/api/series", "{\"patientId\":\"%s\",\"sessions\":[{\"start\":\"%s\"}]}".formatted(patient, start));
    }

    private JsonNode refusedConflict(String patient, String start) {
        long seriesBefore = mongo.count(query(where("series.patientId").is(patient)), "series");
        var response = book(patient, start);
        assertThat(response.status()).as(response.body()).isEqualTo(409);
        assertThat(mongo.count(query(where("series.patientId").is(patient)), "series"))
                .as("a refused booking books nothing")
                .isEqualTo(seriesBefore);
        return response.json().path("conflicts").get(0);
    }
}
