package com.seriescare.notification.consent;

import java.time.Instant;

/**
 * The latest word from a phone number about texts.
 *
 * @param phone E.164
 * @param optedOut true after STOP (or the carrier's own opt-out), false after START
 * @param source {@code sms-reply} or {@code carrier-opt-out}
 * @param inboundId the reply that said so; null for the carrier's opt-out
 */
public record NumberOptOut(String phone, boolean optedOut, String source, Instant at, String inboundId) {}
