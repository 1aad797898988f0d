package com.seriescare.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

@SchedulingServiceTest
class ClinicDayLockIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    /**
     * A booking cut short by a store outage cannot let go of its clinic day (the store is gone when it tries); the
     * lock frees when its lease runs out. A booking of that day meanwhile waited 5 s and answered 409 "changed by
     * someone else" although nobody was booking: it now waits the lease out and books.
     */
    @Test
    void aDayLeftLockedByABookingThatDiedIsBookedOnceItsLeaseRunsOut() {
        var api = Api.frontDesk(port);
        String patientId = Api.registerPatient(api);
        mongo.insert(
                new Document("_id", "front-range|2026-12-16")
                        .append("holder", "a booking the store outage cut short")
                        .append("leaseUntil", Date.from(Instant.now().plus(Duration.ofSeconds(8)))),
                "clinic_day_locks");

        var booked = api.post(
                "/api/series", "{\"patientId\":\"" + patientId + "\",\"sessions\":[{\"start\":\"2026-12-16T10:00\"}]}");

        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
    }
}
