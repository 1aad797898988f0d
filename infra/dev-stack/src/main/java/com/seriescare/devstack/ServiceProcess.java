package com.seriescare.devstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Java program run as a child process: a service jar ({@code java -jar}) or a main class on a classpath. Its
 * output is copied to ours, each line prefixed with its name, so three services stay readable in one terminal.
 */
public final class ServiceProcess implements AutoCloseable {

    private final String name;
    private final Process process;

    private ServiceProcess(String name, Process process, PrintStream out) {
        this.name = name;
        this.process = process;
        Thread.ofPlatform().daemon().name(name + "-output").start(() -> copyOutput(out));
    }

    /** Starts {@code java [jvmOptions] -jar jar} with the given environment added to ours. */
    public static ServiceProcess startJar(
            String name, Path jar, List<String> jvmOptions, Map<String, String> env, PrintStream out) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./mvnw -DskipTests package)");
        }
        List<String> command = new ArrayList<>(List.of(javaExecutable()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        // glibc gives each thread that allocates an arena of its own (up to 8 per core): tens of MB resident per
        // service for a few native allocations; two are plenty for a JVM, which allocates mostly in its heap
        Map<String, String> withArenas = new java.util.HashMap<>(Map.of("MALLOC_ARENA_MAX", "2"));
        withArenas.putAll(env);
        return start(name, command, withArenas, out);
    }

    /** Starts {@code java [jvmOptions] -cp classpath mainClass args}. */
    public static ServiceProcess startMain(
            String name,
            String classpath,
            List<String> jvmOptions,
            String mainClass,
            List<String> args,
            PrintStream out) {
        List<String> command = new ArrayList<>(List.of(javaExecutable()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classpath, mainClass));
        command.addAll(args);
        return start(name, command, Map.of(), out);
    }

    /** Starts a command in a working directory, with the given environment added to ours. */
    public static ServiceProcess startIn(
            String name, List<String> command, Path workingDirectory, Map<String, String> env, PrintStream out) {
        return start(name, command, workingDirectory, env, out);
    }

    private static ServiceProcess start(String name, List<String> command, Map<String, String> env, PrintStream out) {
        return start(name, command, null, env, out);
    }

    private static ServiceProcess start(
            String name, List<String> command, Path workingDirectory, Map<String, String> env, PrintStream out) {
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (workingDirectory != null) {
            builder.directory(workingDirectory.toFile());
        }
        builder.environment().putAll(env);
        try {
            return new ServiceProcess(name, builder.start(), out);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start " + name, e);
        }
    }

    /** The {@code java} of the JVM running this code, so children run on the same JDK. */
    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The operating system's id of the process (its memory can be read in {@code /proc}). */
    public long pid() {
        return process.pid();
    }

    public String name() {
        return name;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the process to end by itself; returns its exit code. */
    public int waitForExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(name + " did not finish within " + timeout);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls a health URL until it answers 200 with status UP; fails early if the process dies. */
    public void awaitHealthy(URI health, Duration timeout) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        name + " stopped with exit code " + process.exitValue() + " before it was healthy");
            }
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(health)
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause(Duration.ofMillis(500));
        }
        throw new IllegalStateException(name + " was not healthy at " + health + " within " + timeout);
    }

    /** Kills the process at once (SIGKILL), as a node failure or the OOM killer would: no shutdown hooks run. */
    public void kill() {
        try {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Asks the process to stop (SIGTERM: Spring Boot shuts down gracefully), then forces it after a grace period. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private void copyOutput(PrintStream out) {
        try (var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                out.println("[" + name + "] " + line);
            }
        } catch (IOException ended) {
            // the process is gone
        }
    }

    @SuppressWarnings("java:S2925") // waiting for a child process to come up, not a test
    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
