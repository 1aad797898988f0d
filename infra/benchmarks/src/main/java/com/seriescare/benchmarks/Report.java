package com.seriescare.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * Writes {@code docs/benchmarks.md} from every label's figures ({@code docs/benchmarks/*.json}): one table per
 * scenario, each label's min / median / max side by side, and the issue's target where it sets one.
 */
final class Report {

    /** The targets of issue 16, by scenario prefix and figure. */
    private static final Map<String, String> TARGETS = Map.ofEntries(
            Map.entry("B1 booking API, 8 clients|p99 ms", "< 300"),
            Map.entry("B2|confirmation p99 s", "< 10"),
            Map.entry("B2|intake link p99 s", "< 10"),
            Map.entry("B2|confirmation max s", "< 30"),
            Map.entry("B2|intake link max s", "< 30"),
            Map.entry("B2|texts missing after 15 min", "0"),
            Map.entry("B3|relay ÷ through the binder", "≥ 0.5"),
            Map.entry("B3|events left after 15 min", "0"),
            Map.entry("B4|rate ÷ account limit (50/s)", "≥ 0.9"),
            Map.entry("B4|429s ÷ requests %", "< 1"),
            Map.entry("B4|texts sent twice", "0"),
            Map.entry("B5|ratio", "≤ 1.5"),
            Map.entry("B5|form deadlines: ratio", "≤ 1.5"),
            Map.entry("B6|", "< 400"));

    private Report() {}

    static void write(Path report, Path figuresDirectory) {
        List<JsonNode> labels = new ArrayList<>();
        try (Stream<Path> files = Files.list(figuresDirectory)) {
            files.filter(f -> f.toString().endsWith(".json"))
                    .sorted((a, b) -> order(a).compareTo(order(b)))
                    .forEach(f -> labels.add(Figures.JSON.readTree(f.toFile())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder md = new StringBuilder();
        md.append("""
                # Benchmarks

                Produced by `infra/benchmarks/run` (see its header for the options); the figures of each label are in
                `docs/benchmarks/<label>.json`, and this file is rewritten from them. "before" was measured on the
                packaged jars of the commit named below, built in another checkout and passed with `--root`; "after" on
                this one; a label named by a commit is a build in between. Each cell is min / median / max over the runs. The system is the one `./run-local` starts
                (the dev stack's Kafka broker process, the H2-backed store, one process per service, the dev profile)
                with the Twilio fake of `infra/test-support` in Twilio's place; the scenarios are described in
                [the notes below](#what-each-scenario-does).

                """);
        md.append("## Machines and builds\n\n| label | ");
        Set<String> keys = new LinkedHashSet<>();
        labels.forEach(l -> l.path("machine").propertyNames().forEach(keys::add));
        md.append(String.join(" | ", keys)).append(" |\n|---|");
        keys.forEach(k -> md.append("---|"));
        md.append('\n');
        for (JsonNode label : labels) {
            md.append("| ").append(label.path("label").asString()).append(" | ");
            for (String key : keys) {
                md.append(label.path("machine").path(key).asString("")).append(" | ");
            }
            md.append('\n');
        }
        for (JsonNode label : labels) {
            label.path("notes")
                    .forEach(note -> md.append("\n- **")
                            .append(label.path("label").asString())
                            .append("**: ")
                            .append(note.asString()));
        }
        md.append('\n');
        Map<String, Set<String>> figures = new LinkedHashMap<>();
        for (JsonNode label : labels) {
            for (String scenario : label.path("scenarios").propertyNames()) {
                label.path("scenarios")
                        .path(scenario)
                        .propertyNames()
                        .forEach(f -> figures.computeIfAbsent(scenario, s -> new LinkedHashSet<>())
                                .add(f));
            }
        }
        for (var scenario : figures.entrySet()) {
            md.append("\n## ").append(scenario.getKey()).append("\n\n| figure | ");
            labels.forEach(l -> md.append(l.path("label").asString()).append(" | "));
            md.append("target |\n|---|");
            labels.forEach(l -> md.append("---|"));
            md.append("---|\n");
            for (String figure : scenario.getValue()) {
                md.append("| ").append(figure).append(" | ");
                for (JsonNode label : labels) {
                    JsonNode values =
                            label.path("scenarios").path(scenario.getKey()).path(figure);
                    md.append(cell(values)).append(" | ");
                }
                md.append(target(scenario.getKey(), figure)).append(" |\n");
            }
        }
        md.append(NOTES);
        try {
            Files.writeString(report, md.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String order(Path file) {
        String name = file.getFileName().toString();
        // before, then builds in between (labelled by their commit) in the order they were measured, then after
        String measured = Figures.JSON
                .readTree(file.toFile())
                .path("machine")
                .path("date")
                .asString("");
        return (name.startsWith("before") ? "0" : name.startsWith("after") ? "2" : "1") + measured + name;
    }

    private static String cell(JsonNode values) {
        if (!values.isArray() || values.isEmpty()) {
            return "–";
        }
        List<Double> numbers = new ArrayList<>();
        values.forEach(v -> numbers.add(v.asDouble()));
        double min = Stats.percentile(numbers, 0);
        double median = Stats.median(numbers);
        double max = Stats.percentile(numbers, 100);
        return numbers.size() == 1 ? format(median) : format(min) + " / " + format(median) + " / " + format(max);
    }

    private static String format(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return Math.abs(value) >= 100 || value == Math.rint(value)
                ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String target(String scenario, String figure) {
        return TARGETS.entrySet().stream()
                .filter(t -> {
                    String[] parts = t.getKey().split("\\|", -1);
                    return scenario.startsWith(parts[0]) && (parts[1].isEmpty() || figure.equals(parts[1]));
                })
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse("");
    }

    private static final String NOTES = """

            ## What each scenario does

            - **B1 booking API**: closed-loop clients (8, then 32) book a series of one session for a patient each
              (`POST /api/series`) for `--seconds` (default 20); the baseline is the same clients reading a patient
              (`GET /api/patients/{id}`, authenticated like the booking) as long right after. Patients are registered
              beforehand and not counted. Sessions are spread over `--days` days (default 28; `--days=1`: one day,
              where bookings of that day wait for its lock and some are refused with 409).
            - **B2 pipeline lag**: 1,000 patients registered, then booked in a burst by 32 clients; for every booking
              confirmation and intake link, the time from the booking's 201 to the Twilio fake receiving the text. The
              fake answers in 100 ms and the sender's rate is set to 100 texts/s (`TWILIO_MESSAGES_PER_SECOND`: a
              Messaging Service or short code; a lone long code sends 1 a second, and 2,000 texts would take half an
              hour whatever the software did). The patients live in a zone where it is early afternoon, so quiet hours
              never hold a text back. The burst starts once the system is idle (every consumer group read to the end
              and no text sent for two seconds): B1 before it leaves thousands of events to digest. Beside the lag:
              the CPU seconds each process used from the burst's start to the last text (the system's cost of the
              burst, steadier from run to run than the lag), and when each stage published its last record, in
              seconds from the burst's start, read from the records' own timestamps (scheduling's booking events,
              intake's form links, notification's text statuses): the stage whose last record comes long after the
              one before it is where the lag is made.
            - **B3 outbox relay**: `--events` (default 5,000) status events put in notification-service's outbox
              (one per cancelled text, of 500 patients) while it is stopped; one instance is started and the events/s
              are timed from the moment it answers until the last is removed (progress is read from the topic's end
              offsets while it publishes, then from the store: counting outboxes in the store ten times a second had
              cost the store, on the same two cores, more than the relay's own reads). Baseline, as the issue defines
              it, in the same run: the same events sent straight through the binder from memory (`BinderBaseline`,
              run inside notification-service's own jar with the services' JVM options and producer settings, through
              the same `EventPublisher`, as many patients side by side as the relay): relay ÷ that is what the outbox
              costs (reading, recording in the audit trail, removing, the lease). Columns up to 90e895d had only the
              stricter baseline, still measured: the same events sent by a plain Kafka producer in the benchmark's
              own process (acks=all, idempotent, as the services' producers, a fully compiling JVM), then flushed.
              The relay is service-support's, shared by the three services: one service stands for all.
            - **B4 dispatch**: 10,000 confirmations written due into notification-service's store (as planning leaves
              them), the fake answering in 200 ms and refusing anything over 50 requests/s with 429 (error 20429,
              `Retry-After: 1`), the sender's rate set to the account's 50/s. Measured over 3 × `--seconds` (default 60 s)
              from the first request, with one instance and then two; duplicates are counted over everything the fake
              accepted.
            - **B5 lease cost**: dispatch's searches for the next batch (the same queries as `OutgoingMessages.leaseDue`:
              urgent due texts, due texts earliest first, and texts of instances that died; a batch of 100) timed on
              notification-service's store with 100 texts due and 10,000, then `--future-texts` (default 500,000), texts
              planned for the weeks ahead; the same for the deadline watch's search of forms past due
              (`PatientForms.pastDue`) on intake-service's store, with as many forms. Each figure is the median of 30
              searches after 30 unmeasured ones (columns up to d489946 timed 20, then 5, searches, the first of them
              cold and the large ones right after half a million writes, whose flush to disk they shared the cores
              with). Run once whatever `--runs` says (writing a million documents takes minutes). The searches name
              the status and a range of the due time, which the `{status, dueAt}` indexes answer on MongoDB and, since
              `infra/local-store`'s `OrderedIndex`, on the local store too: 100 documents read whatever is planned
              later.
            - **B6 memory**: each service's peak resident set size (`VmRSS`), sampled every second during B2; the
              services run with the dev stack's options (`DevStack.SERVICE_JVM_OPTIONS`: `-Xmx384m` and G1 up to the 83ad437 column, `-Xmx256m -XX:+UseSerialGC` and `MALLOC_ARENA_MAX=2` from d489946, `-Xmx192m` since a8bd121, measured in a probe the after column's notes give).
            """;
}
