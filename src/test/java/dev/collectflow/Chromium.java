package dev.collectflow;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium and ChromeDriver (packages chromium and chromium-driver) for the browser tests, each
 * browser with a fresh profile. Without them a browser test is skipped, except under CI, where that is a failure.
 */
public final class Chromium {

    static final Path BROWSER = Path.of(System.getProperty("collectflow.chromium", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("collectflow.chromedriver", "/usr/bin/chromedriver"));

    private Chromium() {
    }

    /** Skips the calling test when no browser is installed, unless running under CI. */
    public static void require() {
        if (!(Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER))) {
            String message = "Browser tests need Debian's Chromium and ChromeDriver at " + BROWSER + " and " + DRIVER
                    + ": apt-get install -y chromium chromium-driver";
            if (System.getenv("CI") != null && !"false".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message);
            }
            System.err.println("SKIPPED " + message);
            Assumptions.abort(message);
        }
    }

    /** A headless browser of the given window size ("width,height") in English, with these preferences. */
    public static ChromeDriver start(String windowSize, Map<String, Object> preferences) throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=" + windowSize, "--lang=en-US",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        if (!preferences.isEmpty()) {
            options.setExperimentalOption("prefs", preferences);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}
