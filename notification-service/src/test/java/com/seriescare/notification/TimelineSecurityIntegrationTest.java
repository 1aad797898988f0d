package com.seriescare.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.seriescare.testsupport.JsonHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@NotificationServiceTest
class TimelineSecurityIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void theTimelineNeedsCredentialsWhileTwilioWebhooksRelyOnTheirSignature() {
        JsonHttp anonymous = JsonHttp.at("http://localhost:" + port);

        assertThat(anonymous.get("/api/patients/p/messages").status()).isEqualTo(401);
        // a patient the caller's clinic does not have is simply not found
        var unknown = anonymous.as("integration", "integration").get("/api/patients/p/messages");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        // reaches the controller (no credentials needed) and is refused there for want of a signature
        assertThat(anonymous.post("/twilio/inbound", "").status()).isIn(403, 415);
    }
}
