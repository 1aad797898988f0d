package com.seriescare.deployment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a command-line tool (kubectl, docker-compose) from the repository root and returns what it printed. */
final class Commands {

    private Commands() {}

    /** Whether the tool runs here: {@code versionCommand} is how it says its version without a server. */
    static boolean available(String... versionCommand) {
        try {
            Process process =
                    new ProcessBuilder(versionCommand).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The command's standard output; fails with its error output when it does not exit 0. */
    static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command)
                    .directory(DeploymentManifests.ROOT.toFile())
                    .start();
            var error = process.getErrorStream();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(error.readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed:\n" + err + out);
            }
            return out;
        } catch (IOException e) {
            throw new AssertionError("could not run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
