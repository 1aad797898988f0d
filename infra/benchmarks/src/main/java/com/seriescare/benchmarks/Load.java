package com.seriescare.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** Closed-loop load: {@code clients} clients each send the next request when the last was answered. */
final class Load {

    /** One request; true when it was answered as it should be, false when not, null when the client has no more. */
    interface Request {
        Boolean send(int n) throws Exception;
    }

    private final List<Double> latenciesMs;
    private final int errors;
    private final double seconds;

    private Load(List<Double> latenciesMs, int errors, double seconds) {
        this.latenciesMs = latenciesMs;
        this.errors = errors;
        this.seconds = seconds;
    }

    static Load run(int clients, Duration forAtMost, Request request) throws Exception {
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        long began = System.nanoTime();
        long end = began + forAtMost.toNanos();
        try (var pool = Executors.newFixedThreadPool(clients)) {
            for (int c = 0; c < clients; c++) {
                pool.execute(() -> {
                    while (System.nanoTime() < end) {
                        long sent = System.nanoTime();
                        Boolean ok;
                        try {
                            ok = request.send(next.getAndIncrement());
                        } catch (Exception e) {
                            ok = false;
                        }
                        if (ok == null) {
                            return;
                        }
                        if (ok) {
                            latencies.add((System.nanoTime() - sent) / 1_000_000.0);
                        } else {
                            errors.incrementAndGet();
                        }
                    }
                });
            }
        }
        return new Load(List.copyOf(latencies), errors.get(), (System.nanoTime() - began) / 1e9);
    }

    double throughput() {
        return latenciesMs.size() / seconds;
    }

    double percentile(int p) {
        return Stats.percentile(latenciesMs, p);
    }

    double errors() {
        return errors;
    }
}
