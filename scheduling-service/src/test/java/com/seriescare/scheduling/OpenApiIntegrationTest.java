package com.seriescare.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@SchedulingServiceTest
class OpenApiIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void theOpenApiDocumentAndSwaggerUiArePublishedToSignedInUsers() {
        var docs = Api.integration(port).get("/v3/api-docs");
        var ui = Api.integration(port).get("/swagger-ui/index.html");

        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().path("paths").propertyNames())
                .contains(
                        "/api/patients",
                        "/api/series",
                        "/api/sessions",
                        "/api/series/{id}/sessions/{sessionId}/reschedule");
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui");
    }
}
