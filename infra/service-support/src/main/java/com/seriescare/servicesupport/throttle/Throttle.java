package com.seriescare.servicesupport.throttle;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;

/**
 * So many tries per key (an account, an address, a form) in a period, refilled a little at a time: a person who
 * mistyped waits a minute or two, a script guessing thousands gets nowhere. Buckets live in this instance (with
 * several replicas the allowance is per replica) and are forgotten once idle for the period.
 */
public final class Throttle {

    private final int tries;
    private final Duration per;
    private final Cache<String, Bucket> buckets;

    public Throttle(int tries, Duration per) {
        this.tries = tries;
        this.per = per;
        this.buckets = Caffeine.newBuilder()
                .expireAfterAccess(per)
                .maximumSize(100_000)
                .build();
    }

    /** No tries left for the key (nothing is spent by asking). */
    public boolean exhausted(String key) {
        Bucket bucket = buckets.getIfPresent(key);
        return bucket != null && bucket.getAvailableTokens() <= 0;
    }

    /** Counts one try (e.g. a failed sign-in) against the key. */
    public void spend(String key) {
        bucket(key).tryConsume(1);
    }

    /** Takes a try if one is left; false when the key is exhausted. */
    public boolean tryTake(String key) {
        return bucket(key).tryConsume(1);
    }

    /** How long until the key has a try again (zero when it has one now). */
    public Duration retryAfter(String key) {
        Bucket bucket = buckets.getIfPresent(key);
        if (bucket == null) {
            return Duration.ZERO;
        }
        return Duration.ofNanos(bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill());
    }

    private Bucket bucket(String key) {
        return buckets.get(
                key,
                unused -> Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(tries)
                                .refillGreedy(tries, per)
                                .build())
                        .build());
    }
}
