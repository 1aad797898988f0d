package com.seriescare.notification.dispatch;

import com.seriescare.notification.planning.PlannedMessage;
import com.seriescare.servicesupport.outbox.PendingEvent;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A planned text and what became of it. {@code waitingForContactSince} is set while it waits for the patient's
 * contact details (they travel on another partition and may lag); a text waits for them only so long.
 * {@code sentTo}, {@code fingerprint} (SHA-256 of its words) and {@code handedOverAt} are set as it is handed to the
 * provider, so a hand-over cut short can be looked up in the provider's records before anything is sent again.
 *
 * <p>A planned text and what became of it. The unique {@code planKey} makes planning idempotent: a replayed event
 * plans the same key again and the insert is refused.
 */
@Document(OutgoingMessage.COLLECTION)
public record OutgoingMessage(
        @Id String id,
        @Indexed(unique = true) String planKey,
        PlannedMessage plan,
        @Indexed MessageStatus status,
        Instant dueAt,
        Instant leaseUntil,
        String leasedBy,
        int attempts,
        String providerId,
        Instant sentAt,
        String reason,
        String deliveryStatus,
        Instant inDoubtSince,
        Instant waitingForContactSince,
        String sentTo,
        String fingerprint,
        Instant handedOverAt,
        List<PendingEvent> outbox) {

    public static final String COLLECTION = "outgoing_messages";

    /** @param announcement the events to publish with it (the outbox), saved in the same insert */
    static OutgoingMessage planned(String id, PlannedMessage plan, List<PendingEvent> announcement) {
        return new OutgoingMessage(
                id,
                plan.planKey(),
                plan,
                MessageStatus.PLANNED,
                plan.dueAt(),
                null,
                null,
                0,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                announcement);
    }
}
