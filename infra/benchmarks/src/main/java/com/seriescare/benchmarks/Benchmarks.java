package com.seriescare.benchmarks;

import com.seriescare.testsupport.JsonHttp;
import com.seriescare.testsupport.TwilioFake;
import com.seriescare.testsupport.TwilioFake.SentMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.bson.Document;

/**
 * The benchmark suite: the packaged system started as {@code ./run-local} starts it (the dev stack's broker process,
 * the store on disk, one process per service), with the Twilio fake in place of Twilio. Each scenario is run
 * {@code --runs} times; each figure is kept per run and reported as min / median / max, beside a baseline measured in
 * the same run where the issue asks for one, so that ratios hold on a noisy machine. The figures of a label
 * ({@code before}, {@code after}) are kept in {@code docs/benchmarks/<label>.json} and the report shows every label side
 * by side.
 */
public final class Benchmarks {

    /** A Tuesday three weeks ahead: no day-of text, no quiet hours in the way of a confirmation. */
    private static final LocalDate SESSION_DAY =
            LocalDate.now().plusWeeks(3).with(TemporalAdjusters.next(DayOfWeek.TUESDAY));

    private final Options options;
    private final Figures figures;
    private final AtomicInteger nextPhone = new AtomicInteger();
    /** This run's first exchange code: each 10,000 numbers take the next one. */
    private final int exchange = 200 + (int) (Math.random() * 600);

    private Benchmarks(Options options) {
        this.options = options;
        this.figures = new Figures(options.label());
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        var benchmarks = new Benchmarks(options);
        benchmarks.run();
        // the embedded broker's and store's threads outlive their close(): the figures are written, so leave
        System.exit(0);
    }

    private void run() throws Exception {
        Path results = options.report().resolveSibling("benchmarks").resolve(options.label() + ".json");
        figures.keep(results);
        figures.machine(Machine.describe(options.root()));
        if (options.runs("B1") || options.runs("B2") || options.runs("B6")) {
            try (var system = BenchSystem.start(options.root(), "b1-b2", Map.of("TWILIO_MESSAGES_PER_SECOND", "100"))) {
                system.twilio().latency(Duration.ofMillis(100));
                for (int run = 1; run <= options.runs(); run++) {
                    log("run %d of %d", run, options.runs());
                    if (options.runs("B1")) {
                        bookingApi(system, 8);
                        bookingApi(system, 32);
                    }
                    if (options.runs("B2") || options.runs("B6")) {
                        pipelineLag(system);
                    }
                    figures.save(results);
                }
            }
        }
        if (options.runs("B4")) {
            try (var system = BenchSystem.start(options.root(), "b4", Map.of("TWILIO_MESSAGES_PER_SECOND", "50"))) {
                for (int run = 1; run <= options.runs(); run++) {
                    dispatch(system, 1);
                    dispatch(system, 2);
                    figures.save(results);
                }
            }
        }
        if (options.runs("B3") || options.runs("B5")) {
            try (var system = BenchSystem.start(options.root(), "b3-b5", Map.of())) {
                var scenarios = new RelayAndLease(system, figures);
                for (int run = 1; run <= options.runs(); run++) {
                    if (options.runs("B3")) {
                        scenarios.relay(options.events());
                    }
                    figures.save(results);
                }
                if (options.runs("B5")) {
                    // once: half a million texts take minutes to write, and the figure is a search's, not a burst's
                    scenarios.leaseCost(10_000, options.futureTexts());
                    figures.save(results);
                }
            }
        }
        figures.save(results);
        Report.write(options.report(), results.getParent());
        log("report written to %s", options.report());
    }

    // --- B1: the booking API ---

    /**
     * {@code clients} clients book as fast as they are answered for {@code options.seconds()} (each booking a series of
     * one session for a patient of its own); then the same clients read patients (an authenticated GET of the same
     * service) for as long: the baseline.
     */
    private void bookingApi(BenchSystem system, int clients) throws Exception {
        JsonHttp scheduling = system.frontDesk("scheduling");
        // more than the clients can book in the time (this machine books some tens a second; 60 a second ran out)
        int patientsNeeded = 150 * options.seconds();
        log("B1 at %d clients: registering %d patients", clients, patientsNeeded);
        ConcurrentLinkedQueue<String> patients = new ConcurrentLinkedQueue<>(
                register(scheduling, patientsNeeded, 16).keySet());
        List<String> someone = List.copyOf(patients).subList(0, Math.min(100, patients.size()));
        Load booking = Load.run(clients, Duration.ofSeconds(options.seconds()), n -> {
            String patient = patients.poll();
            if (patient == null) {
                return null; // all booked: this client is done (not an error)
            }
            var response = book(scheduling, patient, n);
            return response.status() == 201;
        });
        Load reading = Load.run(
                clients,
                Duration.ofSeconds(options.seconds()),
                n -> scheduling
                                .get("/api/patients/" + someone.get(n % someone.size()))
                                .status()
                        == 200);
        String at = "B1 booking API, " + clients + " clients";
        figures.add(at, "bookings/s", booking.throughput());
        figures.add(at, "p50 ms", booking.percentile(50));
        figures.add(at, "p99 ms", booking.percentile(99));
        figures.add(at, "errors", booking.errors());
        figures.add(at, "baseline GET p50 ms", reading.percentile(50));
        figures.add(at, "baseline GET p99 ms", reading.percentile(99));
        figures.add(at, "p99 ÷ baseline p99", booking.percentile(99) / Math.max(1, reading.percentile(99)));
        log(
                "B1 at %d clients: %.1f bookings/s, p50 %.0f ms, p99 %.0f ms (GET p99 %.0f ms), %d errors",
                clients,
                booking.throughput(),
                booking.percentile(50),
                booking.percentile(99),
                reading.percentile(99),
                (long) booking.errors());
    }

    // --- B2: pipeline lag, and B6: memory meanwhile ---

    /**
     * {@code options.bookings()} bookings in a burst (32 clients); for each confirmation and intake link, the time from
     * the booking's 201 to the hand-over to the Twilio fake. Each service's resident memory is sampled meanwhile.
     */
    private void pipelineLag(BenchSystem system) throws Exception {
        JsonHttp scheduling = system.frontDesk("scheduling");
        int count = options.bookings();
        log("B2: registering %d patients", count);
        Map<String, String> phoneOf = register(scheduling, count, 16);
        List<String> patients = List.copyOf(phoneOf.keySet());
        Map<String, Instant> bookedAt = new ConcurrentHashMap<>();
        // B1 (and the registrations) leave the pipeline thousands of events behind: the burst starts from an idle
        // system, or its lag measures theirs too
        Duration waited = system.awaitIdle(Duration.ofMinutes(15));
        log("B2: the pipeline was idle after %d s", waited.toSeconds());
        var memory = Memory.sample(system);
        Map<String, Duration> cpuBefore = system.cpu();
        Instant began = Instant.now();
        var queue = new ConcurrentLinkedQueue<>(patients);
        Load burst = Load.run(32, Duration.ofHours(1), n -> {
            String patient = queue.poll();
            if (patient == null) {
                return null; // all booked: this client is done
            }
            var response = book(scheduling, patient, n);
            if (response.status() == 201) {
                bookedAt.put(phoneOf.get(patient), Instant.now());
            }
            return response.status() == 201;
        });
        log(
                "B2: %d booked in %d s; waiting for their texts",
                bookedAt.size(), Duration.between(began, Instant.now()).toSeconds());
        Instant deadline = Instant.now().plus(Duration.ofMinutes(15));
        Map<String, List<SentMessage>> texts = Map.of();
        while (Instant.now().isBefore(deadline)) {
            texts = system.twilio().messages().stream()
                    .filter(m -> bookedAt.containsKey(m.to()))
                    .collect(Collectors.groupingBy(SentMessage::to));
            long complete = texts.values().stream().filter(t -> t.size() >= 2).count();
            if (complete == bookedAt.size()) {
                break;
            }
            Thread.sleep(1000);
        }
        memory.stop();
        Map<String, Duration> cpuAfter = system.cpu();
        List<Double> confirmations = new ArrayList<>();
        List<Double> links = new ArrayList<>();
        int missing = 0;
        for (var booked : bookedAt.entrySet()) {
            List<SentMessage> sent = texts.getOrDefault(booked.getKey(), List.of());
            missing += Math.max(0, 2 - sent.size());
            for (SentMessage text : sent) {
                double lag =
                        Duration.between(booked.getValue(), text.receivedAt()).toMillis() / 1000.0;
                (text.body().contains("http") ? links : confirmations).add(lag);
            }
        }
        String at = "B2 pipeline lag, " + count + " bookings";
        figures.add(at, "bookings/s in the burst", burst.throughput());
        figures.add(at, "bookings refused", burst.errors());
        figures.add(at, "confirmation p50 s", Stats.percentile(confirmations, 50));
        figures.add(at, "confirmation p99 s", Stats.percentile(confirmations, 99));
        figures.add(at, "confirmation max s", Stats.percentile(confirmations, 100));
        figures.add(at, "intake link p50 s", Stats.percentile(links, 50));
        figures.add(at, "intake link p99 s", Stats.percentile(links, 99));
        figures.add(at, "intake link max s", Stats.percentile(links, 100));
        figures.add(at, "texts missing after 15 min", missing);
        // what the burst cost, and which stage its texts waited for (docs/benchmarks.md, B2)
        double cpuTotal = 0;
        for (var used : cpuAfter.entrySet()) {
            double seconds = used.getValue()
                            .minus(cpuBefore.getOrDefault(used.getKey(), Duration.ZERO))
                            .toMillis()
                    / 1000.0;
            cpuTotal += seconds;
            figures.add(at, "CPU s, " + used.getKey(), seconds);
        }
        figures.add(at, "CPU s, all processes", cpuTotal);
        var published = Stages.publishedSince(
                system.bootstrapServers(),
                began,
                Stages.OF_A_BOOKING.stream().map(Stages.Stage::topic).toList());
        for (Stages.Stage stage : Stages.OF_A_BOOKING) {
            List<Double> seconds = published.get(stage.topic());
            if (!seconds.isEmpty()) {
                figures.add(at, "last of " + stage.name() + " s", Stats.percentile(seconds, 100));
            }
        }
        memory.peaks().forEach((service, mb) -> figures.add("B6 memory during B2", service + " peak RSS MB", mb));
        log(
                "B2: confirmations p99 %.1f s max %.1f s; links p99 %.1f s max %.1f s; %d missing; RSS %s",
                Stats.percentile(confirmations, 99),
                Stats.percentile(confirmations, 100),
                Stats.percentile(links, 99),
                Stats.percentile(links, 100),
                missing,
                memory.peaks());
    }

    // --- B4: dispatch against the account's rate ---

    /**
     * {@code options.texts()} texts due at once (written straight into notification-service's store, as planning
     * leaves them), the Twilio fake answering in 200 ms and refusing what passes 50 messages/s (429, error 20429): the
     * rate achieved over a minute by {@code instances} instances, as a share of the account's limit, the 429s they met,
     * and any text sent twice.
     */
    private void dispatch(BenchSystem system, int instances) throws Exception {
        TwilioFake twilio = system.twilio();
        system.stopNotifications();
        var store = system.notificationStore();
        store.getCollection("outgoing_messages").deleteMany(new Document());
        store.getCollection("sending_rates").deleteMany(new Document());
        String batch = "b4-" + System.nanoTime();
        List<Document> contacts = new ArrayList<>();
        List<Document> texts = new ArrayList<>();
        Instant due = Instant.now().minusSeconds(1);
        for (int i = 0; i < options.texts(); i++) {
            String patient = batch + "-" + i;
            String phone = nextPhone();
            contacts.add(new Document("_id", patient)
                    .append(
                            "contact",
                            new Document("patientId", patient)
                                    .append("firstName", "Ana")
                                    .append("mobilePhone", phone)
                                    .append("language", "en")
                                    .append("timeZone", daytimeZone().getId())
                                    .append("smsConsent", true)
                                    .append("clinicId", "front-range")));
            texts.add(new Document("_id", batch + ":" + i)
                    .append("planKey", batch + ":" + i)
                    .append(
                            "plan",
                            new Document("planKey", batch + ":" + i)
                                    .append("kind", "BOOKING_CONFIRMATION")
                                    .append("patientId", patient)
                                    .append("seriesId", "series-" + patient)
                                    .append("sessionRevision", 0)
                                    .append("dueAt", java.util.Date.from(due))
                                    .append(
                                            "sessionStarts",
                                            List.of(java.util.Date.from(SESSION_DAY
                                                    .atTime(10, 0)
                                                    .atZone(ZoneId.of("America/Denver"))
                                                    .toInstant())))
                                    .append("urgent", false))
                    .append("status", "PLANNED")
                    .append("dueAt", java.util.Date.from(due))
                    .append("attempts", 0)
                    .append("outbox", List.of()));
        }
        store.getCollection("patient_contacts").insertMany(contacts);
        twilio.reset();
        twilio.latency(Duration.ofMillis(200));
        twilio.limitPerSecond(50);
        log("B4 with %d instance(s): %d texts due", instances, texts.size());
        store.getCollection("outgoing_messages").insertMany(texts);
        system.startNotifications(instances);
        // the window starts at the first text: start-up is not dispatch
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (twilio.requestCount() == 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        int sentBefore = twilio.messages().size();
        int throttledBefore = twilio.throttledCount();
        int requestsBefore = twilio.requestCount();
        Duration window = Duration.ofSeconds(options.seconds() * 3L);
        Thread.sleep(window.toMillis());
        int sent = twilio.messages().size() - sentBefore;
        int throttled = twilio.throttledCount() - throttledBefore;
        int requests = twilio.requestCount() - requestsBefore;
        system.stopNotifications();
        Map<String, Long> perPhone =
                twilio.messages().stream().collect(Collectors.groupingBy(SentMessage::to, Collectors.counting()));
        long duplicates = perPhone.values().stream().mapToLong(n -> n - 1).sum();
        double rate = sent / (window.toMillis() / 1000.0);
        String at = "B4 dispatch, " + instances + " instance" + (instances == 1 ? "" : "s");
        figures.add(at, "texts/s", rate);
        figures.add(at, "rate ÷ account limit (50/s)", rate / 50);
        figures.add(at, "429s received", throttled);
        figures.add(at, "429s ÷ requests %", requests == 0 ? 0 : 100.0 * throttled / requests);
        figures.add(at, "texts sent twice", duplicates);
        log(
                "B4 with %d instance(s): %.1f texts/s (%.0f%% of the limit), %d 429s of %d requests, %d duplicates",
                instances, rate, 100 * rate / 50, throttled, requests, duplicates);
        twilio.limitPerSecond(0);
        twilio.latency(Duration.ZERO);
    }

    // --- the system's front door ---

    /** Registers {@code count} consenting patients; returns their phones by patient id. */
    private Map<String, String> register(JsonHttp scheduling, int count, int clients) throws Exception {
        Map<String, String> ids = new ConcurrentHashMap<>();
        AtomicInteger left = new AtomicInteger(count);
        String zone = daytimeZone().getId();
        Load.run(clients, Duration.ofHours(1), n -> {
            if (left.getAndDecrement() <= 0) {
                return null;
            }
            String phone = nextPhone();
            var response = scheduling.post("/api/patients", """
                    {"firstName":"Pat","lastName":"Bench","mobilePhone":"%s","preferredLanguage":"en",
                     "timeZone":"%s","smsConsent":{"granted":true,"source":"front-desk"}}""".formatted(phone, zone));
            if (response.status() != 201) {
                throw new IllegalStateException("registering failed: " + response.status() + " " + response.body());
            }
            ids.put(response.json().path("id").asString(), phone);
            return true;
        });
        return ids;
    }

    /**
     * A session for the {@code n}th booking: spread over {@code --days} days of opening hours (09:00-12:00, every day
     * but Sunday), as a clinic group's bookings are; bookings of one clinic day take turns (a lock per day), so a burst
     * on a single day measures the lock as much as the service. {@code --days=1}: all on one day, 08:00-15:00.
     */
    private JsonHttp.Response book(JsonHttp scheduling, String patient, int n) {
        LocalDateTime start;
        if (options.days() <= 1) {
            start = SESSION_DAY.atTime(8 + n % 8, 0);
        } else {
            LocalDate day = SESSION_DAY.plusDays(n % options.days());
            if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                day = day.plusDays(1);
            }
            start = day.atTime(9 + (n / options.days()) % 4, 0);
        }
        return scheduling.post("/api/series", """
                {"patientId":"%s","sessions":[{"start":"%s"}]}""".formatted(patient, start));
    }

    private String nextPhone() {
        int n = nextPhone.getAndIncrement();
        return "+1720" + (exchange + n / 10_000) + String.format("%04d", n % 10_000);
    }

    /**
     * A zone where it is early afternoon now: the patients' quiet hours (21:00-08:00 in their zone) must not hold back
     * the texts a benchmark waits for, whenever it is run.
     */
    static ZoneId daytimeZone() {
        int utcHour = Instant.now().atZone(ZoneId.of("UTC")).getHour();
        int offset = Math.floorMod(13 - utcHour + 12, 24) - 12; // -12..+11
        // Etc/GMT signs are inverted: Etc/GMT-9 is nine hours ahead of UTC
        return ZoneId.of(offset == 0 ? "Etc/UTC" : "Etc/GMT" + (offset > 0 ? "-" : "+") + Math.abs(offset));
    }

    static void log(String format, Object... args) {
        System.out.printf("%s  %s%n", Instant.now().toString().substring(11, 19), format.formatted(args));
    }

    /** The command line. */
    record Options(
            Path root,
            String label,
            int runs,
            int bookings,
            int texts,
            int seconds,
            int days,
            int events,
            int futureTexts,
            Set<String> only,
            Path report) {

        static Options parse(String[] args) {
            Map<String, String> given = new HashMap<>();
            for (String arg : args) {
                String[] pair = arg.replaceFirst("^--", "").split("=", 2);
                given.put(pair[0], pair.length > 1 ? pair[1] : "true");
            }
            return new Options(
                    Path.of(given.getOrDefault("root", ".")).toAbsolutePath().normalize(),
                    given.getOrDefault("label", "after"),
                    Integer.parseInt(given.getOrDefault("runs", "3")),
                    Integer.parseInt(given.getOrDefault("bookings", "1000")),
                    Integer.parseInt(given.getOrDefault("texts", "10000")),
                    Integer.parseInt(given.getOrDefault("seconds", "20")),
                    Integer.parseInt(given.getOrDefault("days", "28")),
                    Integer.parseInt(given.getOrDefault("events", "5000")),
                    Integer.parseInt(given.getOrDefault("future-texts", "500000")),
                    Set.copyOf(Arrays.asList(
                            given.getOrDefault("only", "B1,B2,B3,B4,B5,B6").split(","))),
                    Path.of(given.getOrDefault("report", "docs/benchmarks.md")).toAbsolutePath());
        }

        boolean runs(String scenario) {
            return only.contains(scenario);
        }
    }

    /** A note of the machine and the build the figures were measured on. */
    static final class Machine {

        static Map<String, String> describe(Path root) {
            Map<String, String> machine = new LinkedHashMap<>();
            machine.put("date", Instant.now().toString().substring(0, 16) + "Z");
            machine.put("cores", String.valueOf(Runtime.getRuntime().availableProcessors()));
            machine.put("memory", memory());
            machine.put("java", System.getProperty("java.version"));
            machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
            machine.put("build", commit(root));
            return machine;
        }

        private static String memory() {
            try {
                return Files.readAllLines(Path.of("/proc/meminfo")).getFirst().replaceAll("\\s+", " ");
            } catch (IOException | RuntimeException e) {
                return "unknown";
            }
        }

        private static String commit(Path root) {
            try {
                var process = new ProcessBuilder("git", "-C", root.toString(), "log", "-1", "--format=%h %s")
                        .redirectErrorStream(true)
                        .start();
                String line = new String(process.getInputStream().readAllBytes()).trim();
                return process.waitFor() == 0 ? line : "unknown";
            } catch (IOException | InterruptedException e) {
                return "unknown";
            }
        }
    }
}
