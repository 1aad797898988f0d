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
        assertThat(anonymous
                        .as("integration", "integration")
                        .get("/api/patients/p/messages")
                        .status())
                .isEqualTo(200);
        // reaches the controller (no credentials needed) and is refused there for want of a signature
        assertThat(anonymous.post("/twilio/inbound", "").status()).isIn(403, 415);
    }
}
