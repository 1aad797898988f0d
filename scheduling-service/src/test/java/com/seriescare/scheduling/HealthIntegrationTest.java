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
        assertThat(components.path("binders").path("status").asString())
                .as(health.body())
                .isEqualTo("UP");
    }

    /** Prometheus scrapes the service's metrics (as the operator: they describe the service, never a patient). */
    @Test
    void prometheusScrapesTheServicesMetricsAsTheOperatorOnly() {
        var scrape = JsonHttp.at("http://localhost:" + port)
                .as("operator", "operator")
                .get("/actuator/prometheus");

        assertThat(scrape.status()).as(scrape.body()).isEqualTo(200);
        assertThat(scrape.contentType()).startsWith("text/plain");
        assertThat(scrape.body()).contains("jvm_memory_used_bytes", "http_server_requests_seconds");
        assertThat(Api.frontDesk(port).get("/actuator/prometheus").status()).isEqualTo(403);
        assertThat(JsonHttp.at("http://localhost:" + port)
                        .get("/actuator/prometheus")
                        .status())
                .isEqualTo(401);
    }
}
