package com.seriescare.scheduling.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.seriescare.contracts.notification.InboundMessageReceived;
import com.seriescare.scheduling.SchedulingServiceTest;
import com.seriescare.testsupport.EventPublisherForTests;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/** A text from a number no patient has shows in the inbox of the clinic whose number it reached, and no other. */
@SchedulingServiceTest
class StrangersRepliesIntegrationTest {

    @Autowired
    Inbox inbox;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aStrangersTextShowsOnlyInTheInboxOfTheClinicItWasSentTo() {
        String inboundId = "stranger-" + UUID.randomUUID();
        try (var events = new EventPublisherForTests()) {
            events.publish(new InboundMessageReceived(
                    InboundMessageReceived.UNKNOWN_SENDER,
                    inboundId,
                    "other",
                    true,
                    "4321",
                    Instant.parse("2026-12-01T17:00:00Z"),
                    "west-slope"));
        }

        await().atMost(Duration.ofSeconds(20))
                .until(() ->
                        as("west-slope", () -> ids(inbox.items())).stream().anyMatch(id -> id.startsWith(inboundId)));
        assertThat(as("front-range", () -> ids(inbox.items()))).noneMatch(id -> id.startsWith(inboundId));
    }

    private static List<String> ids(List<InboxItem> items) {
        return items.stream().map(InboxItem::id).toList();
    }

    private static <T> T as(String clinicId, Supplier<T> work) {
        SecurityContextHolder.getContext()
                .setAuthentication(new TestingAuthenticationToken(
                        "desk-" + clinicId, "n/a", "ROLE_FRONT_DESK", "CLINIC_" + clinicId));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
