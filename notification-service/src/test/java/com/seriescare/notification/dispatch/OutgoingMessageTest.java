package com.seriescare.notification.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.seriescare.notification.planning.MessageKind;
import com.seriescare.notification.planning.PlannedMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A text's life: each move checks where the text is and says what it changes and publishes. */
class OutgoingMessageTest {

    static final Instant NOW = Instant.parse("2026-12-01T16:00:00Z");

    static final PlannedMessage PLAN = new PlannedMessage(
            "p-1:confirmation",
            MessageKind.BOOKING_CONFIRMATION,
            "p-1",
            "s-1",
            null,
            0,
            NOW,
            List.of(NOW.plus(Duration.ofDays(7))),
            null,
            false,
            null);

    static final OutgoingMessage PLANNED = OutgoingMessage.planned("m-1", PLAN, List.of());

    @Test
    void aPlannedTextIsCancelledWithWhyAndTheTimelineHearsOfIt() {
        TextChange change = PLANNED.cancel("the session was cancelled", NOW);

        assertThat(change.from()).containsExactlyInAnyOrder(MessageStatus.PLANNED, MessageStatus.LEASED);
        assertThat(change.to()).contains(MessageStatus.CANCELLED);
        assertThat(change.event()).hasValueSatisfying(event -> {
            assertThat(event.status()).isEqualTo("cancelled");
            assertThat(event.reason()).isEqualTo("the session was cancelled");
            assertThat(event.messageId()).isEqualTo("m-1");
        });
    }

    @Test
    void movesAreRefusedFromWhereTheyCannotStart() {
        OutgoingMessage sent = PLANNED.inStatus(MessageStatus.SENT);

        assertThatThrownBy(() -> sent.cancel("too late", NOW)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> PLANNED.sent("SM1", NOW)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> PLANNED.handOver("+13035550142", "f", NOW, NOW))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> sent.inDoubt("no answer", NOW)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aHandOverCountsAnAttemptAndKeepsWhatTheProvidersRecordsAreSearchedBy() {
        OutgoingMessage leased = PLANNED.inStatus(MessageStatus.LEASED);

        TextChange change = leased.handOver("+13035550142", "abc", NOW.plusSeconds(60), NOW);

        assertThat(change.to()).contains(MessageStatus.SENDING);
        assertThat(change.countsAnAttempt()).isTrue();
        assertThat(change.set())
                .containsEntry(OutgoingMessage.SENT_TO, "+13035550142")
                .containsEntry(OutgoingMessage.FINGERPRINT, "abc")
                .containsEntry(OutgoingMessage.HANDED_OVER_AT, NOW);
        assertThat(change.event())
                .as("the timeline shows it sent or in doubt, not half-way")
                .isEmpty();
    }

    @Test
    void aHoldPublishesTheNewTimeAndClearsDoubt() {
        OutgoingMessage inDoubt = PLANNED.inStatus(MessageStatus.IN_DOUBT);
        Instant morning = NOW.plus(Duration.ofHours(14));

        TextChange change = inDoubt.holdUntil(morning, "the provider has no record of it; sending again", NOW);

        assertThat(change.to()).contains(MessageStatus.PLANNED);
        assertThat(change.unset()).contains(OutgoingMessage.IN_DOUBT_SINCE);
        assertThat(change.event()).hasValueSatisfying(event -> {
            assertThat(event.status()).isEqualTo("planned");
            assertThat(event.dueAt()).isEqualTo(morning);
        });
    }

    @Test
    void onlyTheFirstWaitForContactDetailsIsAnnounced() {
        OutgoingMessage leased = PLANNED.inStatus(MessageStatus.LEASED);
        TextChange first = leased.waitForContact(NOW.plusSeconds(30), NOW);
        assertThat(first.event()).isPresent();
        assertThat(first.set()).containsKey(OutgoingMessage.WAITING_FOR_CONTACT_SINCE);

        OutgoingMessage waiting = new OutgoingMessage(
                "m-1",
                PLAN.planKey(),
                PLAN,
                MessageStatus.LEASED,
                NOW,
                null,
                "d-1",
                0,
                null,
                null,
                OutgoingMessage.WAITING_FOR_CONTACT,
                null,
                null,
                NOW,
                null,
                null,
                null,
                List.of(),
                null,
                null);
        assertThat(waiting.waitForContact(NOW.plusSeconds(90), NOW.plusSeconds(30))
                        .event())
                .isEmpty();
    }

    @Test
    void whatTheProviderReportsOnlyEverMovesForward() {
        OutgoingMessage sent = PLANNED.inStatus(MessageStatus.SENT);
        assertThat(sent.deliveryReported("delivered", null, NOW)).isPresent();

        OutgoingMessage delivered = new OutgoingMessage(
                "m-1",
                PLAN.planKey(),
                PLAN,
                MessageStatus.SENT,
                NOW,
                null,
                null,
                1,
                "SM1",
                NOW,
                null,
                "delivered",
                null,
                null,
                null,
                null,
                null,
                List.of(),
                null,
                null);
        assertThat(delivered.deliveryReported("sent", null, NOW))
                .as("a late report")
                .isEmpty();
        assertThat(delivered.deliveryReported("delivered", null, NOW))
                .as("a repeated report")
                .isEmpty();
        assertThat(delivered.deliveryReported("no-such-status", null, NOW)).isEmpty();
        assertThat(OutgoingMessage.deliveryStatusesBefore("delivered"))
                .contains("sent", "queued")
                .doesNotContain("failed");
    }

    @Test
    void aReportFromTheProviderSettlesATextInDoubtAsSent() {
        OutgoingMessage inDoubt = PLANNED.inStatus(MessageStatus.IN_DOUBT);

        TextChange change = inDoubt.settledByProvider("SM9", "found in the provider's records", NOW);

        assertThat(change.to()).contains(MessageStatus.SENT);
        assertThat(change.set()).containsEntry(OutgoingMessage.PROVIDER_ID, "SM9");
        assertThat(change.event())
                .hasValueSatisfying(event -> assertThat(event.status()).isEqualTo("sent"));
    }
}
