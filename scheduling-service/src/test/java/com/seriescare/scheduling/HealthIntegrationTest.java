package com.seriescare.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import com.seriescare.testsupport.JsonHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@SchedulingServiceTest
class HealthIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void healthIsUpAndCoversMongoAndKafka() {
        var health = JsonHttp.at("http://localhost:" + port).get("/actuator/health");
        var components = health.json().path("components");

        assertThat(health.status()).as(health.body()).isEqualTo(200);
        assertThat(health.json().path("status").asString()).as(health.body()).isEqualTo("UP");
        assertThat(components.path("mongo").path("status").asString())
                .as(health.body())
                .isEqualTo("UP");
        assertThat(components.path("kafka").path("status").asString())
                .as(health.body())
                .isEqualTo("UP");
    }
}
