package com.seriescare.notification.dispatch;

import com.seriescare.contracts.notification.MessageStatusChanged;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One move in a text's life, as {@link OutgoingMessage}'s transitions decide it: the statuses it may be made from,
 * the fields it sets and clears, and the status event it publishes (none for moves the timeline does not show). The
 * repository saves the fields and the event in one conditional update, so a move another instance made first wins.
 *
 * @param from the statuses the text must still be in when the move is saved
 * @param set field values by their stored names
 * @param unset fields cleared
 * @param countsAnAttempt one more hand-over to the provider
 * @param event what the front desk and integrations hear of it
 */
record TextChange(
        Set<MessageStatus> from,
        Map<String, Object> set,
        List<String> unset,
        boolean countsAnAttempt,
        Optional<MessageStatusChanged> event) {

    TextChange {
        from = Set.copyOf(from);
        set = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(set));
        unset = List.copyOf(unset);
    }

    /** The status the text is in after the move; empty when the move keeps it. */
    Optional<MessageStatus> to() {
        return Optional.ofNullable((MessageStatus) set.get(OutgoingMessage.STATUS));
    }
}
