package com.seriescare.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** Each service's resident memory ({@code VmRSS} in {@code /proc}), sampled every second; the peak is kept. */
final class Memory {

    private final Map<String, Double> peaks = new ConcurrentHashMap<>();
    private final Thread sampler;

    private Memory(BenchSystem system) {
        sampler = Thread.ofPlatform().daemon().name("rss-sampler").start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                system.pids().forEach((service, pid) -> peaks.merge(service, rssMb(pid), Math::max));
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    static Memory sample(BenchSystem system) {
        return new Memory(system);
    }

    void stop() {
        sampler.interrupt();
    }

    Map<String, Double> peaks() {
        return new TreeMap<>(peaks);
    }

    private static double rssMb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException gone) {
            // the process ended between two samples
        }
        return 0;
    }
}
