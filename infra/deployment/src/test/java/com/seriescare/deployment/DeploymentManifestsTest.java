package com.seriescare.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The generated deployment files are what their sources say today. Run with {@code -Dseriescare.regenerate=true} to
 * write them after changing a source (the AsyncAPI document, the alert rules, the dashboard).
 */
class DeploymentManifestsTest {

    @Test
    void generatedFilesAreCurrent() throws IOException {
        Map<String, String> files = DeploymentManifests.all();
        if (Boolean.getBoolean("seriescare.regenerate")) {
            for (var file : files.entrySet()) {
                Path path = DeploymentManifests.ROOT.resolve(file.getKey());
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.getValue());
            }
        }
        for (var file : files.entrySet()) {
            Path path = DeploymentManifests.ROOT.resolve(file.getKey());
            assertThat(path)
                    .as("%s is generated; regenerate with: %s", file.getKey(), DeploymentManifests.REGENERATE)
                    .exists();
            assertThat(Files.readString(path))
                    .as("%s is out of date; regenerate with: %s", file.getKey(), DeploymentManifests.REGENERATE)
                    .isEqualTo(file.getValue());
        }
    }
}
