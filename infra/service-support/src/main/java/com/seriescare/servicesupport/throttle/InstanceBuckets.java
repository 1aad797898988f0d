package com.seriescare.servicesupport.throttle;

import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.CompareAndSwapOperation;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Buckets in this instance's memory, for unit tests of a throttle's rules; a deployment keeps them in its store
 * ({@link StoredBuckets}) so that its replicas share one allowance.
 */
public final class InstanceBuckets extends SynchronousBuckets {

    private final ConcurrentMap<String, byte[]> states = new ConcurrentHashMap<>();

    @Override
    protected CompareAndSwapOperation beginCompareAndSwapOperation(String key) {
        return new CompareAndSwapOperation() {
            @Override
            public Optional<byte[]> getStateData(Optional<Long> timeoutNanos) {
                return Optional.ofNullable(states.get(key));
            }

            @Override
            public boolean compareAndSwap(
                    byte[] originalData, byte[] newData, RemoteBucketState newState, Optional<Long> timeoutNanos) {
                // the very array read: replace compares arrays by identity, which is what a swap needs here
                return originalData == null
                        ? states.putIfAbsent(key, newData) == null
                        : states.replace(key, originalData, newData);
            }
        };
    }

    @Override
    public void removeProxy(String key) {
        states.remove(key);
    }
}
