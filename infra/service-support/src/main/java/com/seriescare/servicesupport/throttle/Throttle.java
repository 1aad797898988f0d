package com.seriescare.servicesupport.throttle;

import com.mongodb.MongoException;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/**
 * So many tries per key (an account, an address, a form) in a period, refilled a little at a time: a person who
 * mistyped waits a minute or two, a script guessing thousands gets nowhere. The buckets are where {@code buckets}
 * keeps them: in the store for a deployment, so that every replica spends from one allowance. Keys are stored hashed
 * (they are addresses and account names), under the throttle's name.
 */
public final class Throttle {

    private static final Logger log = LoggerFactory.getLogger(Throttle.class);

    private final ProxyManager<String> buckets;
    private final String name;
    private final BucketConfiguration configuration;

    public Throttle(ProxyManager<String> buckets, String name, int tries, Duration per) {
        this.buckets = buckets;
        this.name = name;
        this.configuration = BucketConfiguration.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(tries)
                        .refillGreedy(tries, per)
                        .build())
                .build();
    }

    /** No tries left for the key (nothing is spent by asking, and a key never spent costs one read). */
    public boolean exhausted(String key) {
        return failingOpen(
                () -> existing(key)
                        .map(bucket -> bucket.getAvailableTokens() <= 0)
                        .orElse(false),
                false);
    }

    /** Counts one try (e.g. a failed sign-in) against the key. */
    public void spend(String key) {
        failingOpen(() -> bucket(key).tryConsume(1), true);
    }

    /** Takes a try if one is left; false when the key is exhausted. */
    public boolean tryTake(String key) {
        return failingOpen(() -> bucket(key).tryConsume(1), true);
    }

    /** How long until the key has a try again (zero when it has one now). */
    public Duration retryAfter(String key) {
        return failingOpen(
                () -> existing(key)
                        .map(bucket -> Duration.ofNanos(
                                bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill()))
                        .orElse(Duration.ZERO),
                Duration.ZERO);
    }

    /**
     * The buckets are in the store: while it is out of reach the throttle lets the request by, and the request's own
     * work answers as it does for a store outage, never a 500 from a filter in front of it.
     */
    private <T> T failingOpen(Supplier<T> ask, T whenTheStoreIsOut) {
        try {
            return ask.get();
        } catch (DataAccessException | MongoException storeOut) {
            log.warn(
                    "Throttle {} not consulted, its store is out of reach: {}",
                    name,
                    storeOut.getClass().getSimpleName());
            return whenTheStoreIsOut;
        }
    }

    private Optional<BucketProxy> existing(String key) {
        String id = id(key);
        return buckets.getProxyConfiguration(id).map(unused -> buckets.builder().build(id, configuration));
    }

    private BucketProxy bucket(String key) {
        return buckets.builder().build(id(key), configuration);
    }

    private String id(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return name + ":" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
