package com.seriescare.notification.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.seriescare.notification.planning.MessageKind;
import com.seriescare.notification.planning.PlannedMessage;
import com.seriescare.notification.planning.QuietHours;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
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

    static final OutgoingMessage PLANNED = OutgoingMessage.planned("m-1", PLAN, NOW, List.of());

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

    /** 04:00 in Denver, the clinic's night; 13:00 for a patient three hours east of UTC. */
    static final Instant NIGHT_IN_DENVER = Instant.parse("2026-10-21T10:00:00Z");

    static final ZoneId EAST = ZoneId.of("Etc/GMT-3");

    @Test
    void aTextTimedForTheClinicsMorningIsBroughtForwardWhenItIsDayWhereThePatientIs() {
        OutgoingMessage planned = timedFor(NIGHT_IN_DENVER, Instant.parse("2026-10-21T14:00:00Z"), null);

        assertThat(planned.retimedFor(EAST, QuietHours.DEFAULT, NIGHT_IN_DENVER))
                .contains(NIGHT_IN_DENVER);
        assertThat(planned.retime(NIGHT_IN_DENVER, EAST, NIGHT_IN_DENVER).set())
                .containsEntry(OutgoingMessage.REASON, "brought forward: not quiet hours in Etc/GMT-3");
    }

    @Test
    void aTextDueInThePatientsNightGoesAtTheirMorningNotBeforeNow() {
        // planned for 20:00 in Denver, 22:00 in New York; it is that moment now
        Instant evening = Instant.parse("2026-10-21T02:00:00Z");
        OutgoingMessage planned = timedFor(evening, evening, null);

        assertThat(planned.retimedFor(ZoneId.of("America/New_York"), QuietHours.DEFAULT, evening))
                .contains(Instant.parse("2026-10-21T12:00:00Z"));
        assertThat(planned.retimedFor(ZoneId.of("America/Denver"), QuietHours.DEFAULT, evening))
                .as("still the right time where the patient is")
                .isEmpty();
    }

    @Test
    void aTextHeldForAReasonOfItsOwnIsNotBroughtForwardButStillKeptOutOfThePatientsNight() {
        OutgoingMessage spaced = timedFor(
                NIGHT_IN_DENVER, Instant.parse("2026-10-21T14:00:00Z"), "two hours after the patient's last text");
        OutgoingMessage spacedIntoTheNight = timedFor(
                NIGHT_IN_DENVER, Instant.parse("2026-10-21T19:00:00Z"), "two hours after the patient's last text");

        assertThat(spaced.retimedFor(EAST, QuietHours.DEFAULT, NIGHT_IN_DENVER)).isEmpty();
        assertThat(spacedIntoTheNight.retimedFor(EAST, QuietHours.DEFAULT, NIGHT_IN_DENVER))
                .as("22:00 for the patient: their 08:00")
                .contains(Instant.parse("2026-10-22T05:00:00Z"));
    }

    @Test
    void urgentTextsAndTextsWaitingForThePatientsDetailsAreLeftAlone() {
        OutgoingMessage waiting =
                timedFor(NIGHT_IN_DENVER, Instant.parse("2026-10-21T14:00:00Z"), OutgoingMessage.WAITING_FOR_CONTACT);
        OutgoingMessage urgent = OutgoingMessage.planned(
                "m-2",
                new PlannedMessage(
                        "p-1:crisis",
                        MessageKind.CRISIS_RESPONSE,
                        "p-1",
                        null,
                        null,
                        0,
                        NIGHT_IN_DENVER,
                        List.of(),
                        null,
                        true,
                        null),
                Instant.parse("2026-10-21T14:00:00Z"),
                List.of());

        assertThat(waiting.retimedFor(EAST, QuietHours.DEFAULT, NIGHT_IN_DENVER))
                .isEmpty();
        assertThat(urgent.retimedFor(EAST, QuietHours.DEFAULT, NIGHT_IN_DENVER)).isEmpty();
    }

    /** An intake link meant for {@code meant}, due at {@code due}, with the reason it was last moved. */
    private static OutgoingMessage timedFor(Instant meant, Instant due, String reason) {
        var plan = new PlannedMessage(
                "p-1:intake", MessageKind.INTAKE_LINK, "p-1", "s-1", null, 0, meant, List.of(), null, false, null);
        var planned = OutgoingMessage.planned("m-1", plan, due, List.of());
        return new OutgoingMessage(
                planned.id(),
                planned.planKey(),
                plan,
                MessageStatus.PLANNED,
                due,
                null,
                null,
                0,
                null,
                null,
                reason,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                null,
                null);
    }
}
