package com.seriescare.servicesupport.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.CompareAndSwapOperation;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

class ThrottleTest {

    /** Buckets whose store is out of reach: every read throws, as MongoTemplate does during an outage. */
    static final class StoreOut extends SynchronousBuckets {

        @Override
        protected CompareAndSwapOperation beginCompareAndSwapOperation(String key) {
            return new CompareAndSwapOperation() {
                @Override
                public Optional<byte[]> getStateData(Optional<Long> timeoutNanos) {
                    throw new DataAccessResourceFailureException("Timed out while waiting for a server");
                }

                @Override
                public boolean compareAndSwap(byte[] a, byte[] b, RemoteBucketState s, Optional<Long> t) {
                    throw new DataAccessResourceFailureException("Timed out while waiting for a server");
                }
            };
        }

        @Override
        public void removeProxy(String key) {}
    }

    @Test
    void whileTheStoreIsOutOfReachTheThrottleLetsRequestsByInsteadOfFailingThem() {
        var throttle = new Throttle(new StoreOut(), "sign-in-account", 3, Duration.ofMinutes(15));

        assertThat(throttle.exhausted("mallory")).isFalse();
        throttle.spend("mallory");
        assertThat(throttle.tryTake("mallory")).isTrue();
        assertThat(throttle.retryAfter("mallory")).isZero();
    }
}
