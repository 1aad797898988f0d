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

    /** The figures saved before under this label: a scenario measured again replaces its old figures. */
    void keep(Path file) {
        if (!Files.exists(file)) {
            return;
        }
        var label = JSON.readTree(file.toFile());
        label.path("notes").forEach(note -> notes.add(note.asString()));
        var saved = label.path("scenarios");
        for (String scenario : saved.propertyNames()) {
            Map<String, List<Double>> figures = new LinkedHashMap<>();
            for (String figure : saved.path(scenario).propertyNames()) {
                List<Double> values = new ArrayList<>();
                saved.path(scenario).path(figure).forEach(v -> values.add(v.asDouble()));
                figures.put(figure, values);
            }
            scenarios.put(scenario, figures);
        }
    }

    private final java.util.Set<String> measured = new java.util.HashSet<>();

    /** What a reader of this label's figures should know (kept from earlier saves; written by hand). */
    private final List<String> notes = new ArrayList<>();

    synchronized void add(String scenario, String figure, double value) {
        if (measured.add(scenario)) {
            scenarios.remove(scenario);
        }
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
                            .writeValueAsString(Map.of(
                                    "label", label, "machine", machine, "notes", notes, "scenarios", scenarios)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
