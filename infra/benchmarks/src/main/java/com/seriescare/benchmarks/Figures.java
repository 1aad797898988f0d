package com.seriescare.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** The figures of one label, per scenario and figure, one value per run, in the order they were first measured. */
final class Figures {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final String label;
    private Map<String, String> machine = Map.of();
    private final Map<String, Map<String, List<Double>>> scenarios = new LinkedHashMap<>();

    Figures(String label) {
        this.label = label;
    }

    void machine(Map<String, String> machine) {
        this.machine = machine;
    }

    synchronized void add(String scenario, String figure, double value) {
        scenarios
                .computeIfAbsent(scenario, s -> new LinkedHashMap<>())
                .computeIfAbsent(figure, f -> new ArrayList<>())
                .add(value);
    }

    synchronized void save(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(
                    file,
                    JSON.writerWithDefaultPrettyPrinter()
                            .writeValueAsString(Map.of("label", label, "machine", machine, "scenarios", scenarios)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
