package com.seriescare.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What {@code infra/docker/Dockerfile} tells a container engine to do, read from the file so that a machine without
 * one can do the same: run its extract command on the service's jar, copy the layers it copies in the order it copies
 * them, and start the entry point with its environment. A change to the Dockerfile changes what the test runs.
 */
record ImageBuild(
        String runtimeImage,
        List<String> extractCommand,
        String buildDirectory,
        List<String> layers,
        String user,
        Map<String, String> environment,
        List<String> entryPoint) {

    static final Path DOCKERFILE = RunningSystem.ROOT.resolve("infra/docker/Dockerfile");

    private static final Pattern ENV_PAIR = Pattern.compile("(\\w+)=(\"([^\"]*)\"|\\S+)");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");

    static ImageBuild read() {
        List<String> instructions = instructions(DOCKERFILE);
        String runtimeImage = null;
        List<String> extract = List.of();
        String buildDirectory = "/";
        List<String> layers = new ArrayList<>();
        String user = "root";
        Map<String, String> environment = new LinkedHashMap<>();
        List<String> entryPoint = List.of();
        for (String instruction : instructions) {
            String[] parts = instruction.split("\\s+", 2);
            String arguments = parts.length > 1 ? parts[1] : "";
            switch (parts[0].toUpperCase()) {
                case "FROM" -> {
                    // the last stage is the image; an earlier one only builds what it copies
                    runtimeImage = arguments.split("\\s+")[0];
                    environment.clear();
                    user = "root";
                }
                case "WORKDIR" -> {
                    if (extract.isEmpty()) {
                        buildDirectory = arguments;
                    }
                }
                case "RUN" -> {
                    if (arguments.contains("-Djarmode=tools")) {
                        extract = List.of(arguments.split("\\s+"));
                    }
                }
                case "COPY" -> {
                    if (arguments.startsWith("--from=")) {
                        String source = arguments.split("\\s+")[1];
                        layers.add(source.substring(buildDirectory.length()).replaceAll("^/|/$", ""));
                    }
                }
                case "USER" -> user = arguments;
                case "ENV" -> {
                    Matcher pair = ENV_PAIR.matcher(arguments);
                    while (pair.find()) {
                        environment.put(pair.group(1), pair.group(3) != null ? pair.group(3) : pair.group(2));
                    }
                }
                case "ENTRYPOINT" -> {
                    List<String> command = new ArrayList<>();
                    Matcher quoted = QUOTED.matcher(arguments);
                    while (quoted.find()) {
                        command.add(quoted.group(1));
                    }
                    entryPoint = List.copyOf(command);
                }
                default -> {}
            }
        }
        return new ImageBuild(runtimeImage, extract, buildDirectory, layers, user, environment, entryPoint);
    }

    /** Runs the extract command on the jar in a build directory, then copies the layers into the image's /app. */
    Path layOut(Path jar, Path into) throws IOException, InterruptedException {
        Path build = Files.createDirectories(into.resolve("build"));
        Files.copy(jar, build.resolve("app.jar"), StandardCopyOption.REPLACE_EXISTING);
        List<String> command = new ArrayList<>(extractCommand);
        command.set(0, ServiceProcess.javaExecutable());
        Process extract = new ProcessBuilder(command)
                .directory(build.toFile())
                .redirectErrorStream(true)
                .redirectOutput(into.resolve("extract.log").toFile())
                .start();
        if (!extract.waitFor(2, TimeUnit.MINUTES) || extract.exitValue() != 0) {
            throw new IllegalStateException("extract failed: " + Files.readString(into.resolve("extract.log")));
        }
        Path app = Files.createDirectories(into.resolve("app"));
        for (String layer : layers) {
            copyTree(build.resolve(layer), app);
        }
        return app;
    }

    /** The entry point as this JVM starts it (the image's {@code java} is the JDK running the tests). */
    List<String> command() {
        List<String> command = new ArrayList<>(entryPoint);
        command.set(0, ServiceProcess.javaExecutable());
        return command;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return; // an empty layer is not extracted
        }
        try (Stream<Path> paths = Files.walk(from)) {
            paths.forEach(path -> {
                Path target = to.resolve(from.relativize(path).toString());
                try {
                    if (Files.isDirectory(path)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** The file's instructions, continuation lines joined, comments left out. */
    private static List<String> instructions(Path dockerfile) {
        List<String> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        try {
            for (String line : Files.readAllLines(dockerfile)) {
                String trimmed = line.strip();
                if (trimmed.startsWith("#") || trimmed.isEmpty()) {
                    continue;
                }
                if (trimmed.endsWith("\\")) {
                    current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                } else {
                    instructions.add(current.append(trimmed).toString());
                    current.setLength(0);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return instructions;
    }
}
