package com.seriescare.notification.dispatch;

/** Where a text is in its life. Only forward moves are made. */
public enum MessageStatus {
    /** Waiting for its due time. */
    PLANNED,
    /** Claimed by one dispatcher instance until its lease ends; not yet handed to the provider. */
    LEASED,
    /** Being handed to the provider; if the instance dies now, the outcome is unknown. */
    SENDING,
    /** Accepted by the provider. */
    SENT,
    /** Refused by the provider for good. */
    FAILED,
    /** Not to be sent (consent missing, session changed, ...); {@code reason} says why. */
    CANCELLED,
    /** The instance died while handing it over: it may or may not have gone out, so it is not resent blindly. */
    IN_DOUBT
}
