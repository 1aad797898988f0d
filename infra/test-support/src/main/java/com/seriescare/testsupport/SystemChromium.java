package com.seriescare.testsupport;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Real headless Chromium for browser tests: Playwright for Java driving the machine's own Chromium (Debian's
 * {@code chromium} package, which {@code .ci/run} installs), never a browser Playwright would download.
 * {@code CHROMIUM_PATH} names another executable.
 */
public final class SystemChromium {

    private static final List<String> FLAGS = List.of(
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--no-first-run",
            "--disable-quic",
            "--disable-component-update",
            "--disable-sync");

    private static Browser shared;

    private SystemChromium() {}

    /**
     * One headless Chromium for every browser test of the JVM (launching takes a while; each test opens its own
     * context, so tests share no cookies or storage). Closed when the JVM ends.
     */
    public static synchronized Browser browser() {
        if (shared == null) {
            Playwright playwright = playwright();
            shared = launch(playwright);
            Runtime.getRuntime().addShutdownHook(new Thread(playwright::close, "close-chromium"));
        }
        return shared;
    }

    public static Path executable() {
        String configured = System.getenv("CHROMIUM_PATH");
        Path path = Path.of(configured == null || configured.isBlank() ? "/usr/bin/chromium" : configured);
        if (!Files.isExecutable(path)) {
            throw new IllegalStateException("No Chromium at " + path
                    + ": install it (apt-get install -y chromium, as .ci/run does) or set CHROMIUM_PATH");
        }
        return path;
    }

    public static Playwright playwright() {
        return Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    public static Browser launch(Playwright playwright) {
        return playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(executable())
                        .setHeadless(true)
                        .setArgs(FLAGS));
    }

    /** Saves a full-page screenshot under {@code target/screenshots/}, the tests' artifacts; returns where. */
    public static Path screenshot(Page page, String name) {
        Path file = Path.of("target", "screenshots", name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }
}
