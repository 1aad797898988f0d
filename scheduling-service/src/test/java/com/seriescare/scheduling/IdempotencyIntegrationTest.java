package com.seriescare.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import com.seriescare.testsupport.JsonHttp;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A front desk on a flaky connection sends "register" or "book" again when it did not hear the answer: with the same
 * {@code Idempotency-Key} it gets the first answer, and nobody is registered or booked twice.
 */
@SchedulingServiceTest
class IdempotencyIntegrationTest {

    @LocalServerPort
    int port;

    JsonHttp api;

    @BeforeEach
    void client() {
        api = Api.frontDesk(port);
    }

    @Test
    void registeringTwiceWithOneKeyRegistersOnceAndAnswersTheSame() {
        String last = "Idem" + UUID.randomUUID().toString().substring(0, 8);
        String patient = Api.ANA.replace("\"Diaz\"", "\"" + last + "\"");
        var once = api.with("Idempotency-Key", UUID.randomUUID().toString());

        var first = once.post("/api/patients", patient);
        var again = once.post("/api/patients", patient);

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(again.json().path("id").asString())
                .isEqualTo(first.json().path("id").asString());
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(api.get("/api/patients?q=" + last).json().size()).isEqualTo(1);
        // without a key, the same request is a second registration, as it always was
        assertThat(api.post("/api/patients", patient).status()).isEqualTo(201);
        assertThat(api.get("/api/patients?q=" + last).json().size()).isEqualTo(2);
    }

    @Test
    void oneKeyForADifferentRequestIsRefusedAndARefusedRequestLeavesTheKeyFree() {
        var once = api.with("Idempotency-Key", UUID.randomUUID().toString());
        String last = "Idem" + UUID.randomUUID().toString().substring(0, 8);

        var refused = once.post("/api/patients", Api.ANA.replace("+13035550142", "12"));
        var corrected = once.post("/api/patients", Api.ANA.replace("\"Diaz\"", "\"" + last + "\""));
        var other = once.post("/api/patients", Api.ANA.replace("\"Ana\"", "\"Bea\""));
        var mangledKey = api.with("Idempotency-Key", "not a key").post("/api/patients", Api.ANA);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(201);
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.contentType()).contains("application/problem+json");
        assertThat(other.json().path("detail").asString()).contains("already used for a different request");
        assertThat(mangledKey.status()).isEqualTo(400);
        assertThat(mangledKey.body()).contains("Idempotency-Key");
    }

    @Test
    void bookingTwiceWithOneKeyBooksOneSeries() {
        String patientId = Api.registerPatient(api);
        String series = """
                {"patientId":"%s","sessions":[{"start":"2026-12-14T09:00"},{"start":"2026-12-16T09:00"}]}""".formatted(patientId);
        var once = api.with("Idempotency-Key", UUID.randomUUID().toString());

        var first = once.post("/api/series", series);
        var again = once.post("/api/series", series);

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(again.json().path("id").asString())
                .isEqualTo(first.json().path("id").asString());
        assertThat(again.json().path("sessions").size()).isEqualTo(2);
    }
}
