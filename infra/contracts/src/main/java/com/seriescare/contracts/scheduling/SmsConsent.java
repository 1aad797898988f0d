package com.seriescare.contracts.scheduling;

import java.time.Instant;

/**
 * Whether the patient agreed to receive texts, and how that was recorded.
 *
 * @param granted whether texts may be sent to the patient's mobile phone
 * @param source how consent was given or withdrawn, e.g. {@code front-desk}, {@code web-form}, {@code sms-reply}
 * @param recordedAt when it was recorded
 * @param recordedBy who recorded it (a user name, or {@code patient})
 */
public record SmsConsent(boolean granted, String source, Instant recordedAt, String recordedBy) {}
