package com.seriescare.servicesupport.throttle;

import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AbstractCompareAndSwapBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AsyncCompareAndSwapOperation;
import java.util.concurrent.CompletableFuture;

/**
 * Bucket4j's compare-and-swap buckets, asked synchronously only: a throttle decides within the request it guards, so
 * a kind of buckets implements the read, the swap and the removal, and nothing asynchronous.
 */
public abstract class SynchronousBuckets extends AbstractCompareAndSwapBasedProxyManager<String> {

    protected SynchronousBuckets() {
        this(ClientSideConfig.getDefault());
    }

    protected SynchronousBuckets(ClientSideConfig config) {
        super(config);
    }

    @Override
    public final boolean isAsyncModeSupported() {
        return false;
    }

    @Override
    protected final AsyncCompareAndSwapOperation beginAsyncCompareAndSwapOperation(String key) {
        throw new UnsupportedOperationException("the throttles ask synchronously");
    }

    @Override
    protected final CompletableFuture<Void> removeAsync(String key) {
        throw new UnsupportedOperationException("the throttles ask synchronously");
    }
}
