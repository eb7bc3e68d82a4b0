package dev.collectflow.kpi;

import dev.collectflow.Chromium;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * The dashboard in Debian's headless Chromium, used as a person uses it: log in to Tasklist, open /dashboard, read
 * the bonus table, sort it, download it. Screenshots under target/e2e-screenshots/. Needs {@link Chromium}.
 */
class DashboardBrowser implements AutoCloseable {

    final ChromeDriver driver;
    final Path downloads;
    private final WebDriverWait wait;
    private final String baseUrl;
    private final Path screenshots;
    private int step;

    DashboardBrowser(String baseUrl, String name) throws IOException {
        this.baseUrl = baseUrl;
        this.screenshots = Path.of("target", "e2e-screenshots", name);
        this.downloads = Path.of("target", "e2e-downloads", name).toAbsolutePath();
        FileSystemUtils.deleteRecursively(screenshots);
        FileSystemUtils.deleteRecursively(downloads);
        Files.createDirectories(screenshots);
        Files.createDirectories(downloads);
        driver = Chromium.start("1400,1600", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        driver.executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    /** Logs in on Tasklist's login page, the one login of the webapps and the dashboard. */
    void logInToTasklist(String user, String password) {
        driver.get(baseUrl + "/camunda/app/tasklist/default/");
        WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model=username]")));
        name.sendKeys(user);
        driver.findElement(By.cssSelector("input[ng-model=password]")).sendKeys(password);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[cam-tasklist-filters] .task-filter")));
        screenshot("tasklist");
    }

    /** Opens the dashboard from Tasklist's header and waits until its figures are drawn. */
    void openDashboard() {
        wait.until(ExpectedConditions.elementToBeClickable(By.id("collectflow-dashboard"))).click();
        wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-loaded")));
        screenshot("dashboard");
    }

    void get(String path) {
        driver.get(baseUrl + path);
    }

    String currentUrl() {
        return driver.getCurrentUrl();
    }

    String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText();
    }

    String value(String css) {
        return driver.findElement(By.cssSelector(css)).getDomProperty("value");
    }

    /** The bonus table as shown: one list of cell texts per row. */
    List<List<String>> bonusTable() {
        return driver.findElements(By.cssSelector("#bonus-table tbody tr")).stream()
                .map(row -> row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList())
                .toList();
    }

    /**
     * The promise table as shown: per row the subject, the kind as the API names it (the row's data-kind), then the
     * figures' cell texts.
     */
    List<List<String>> promiseTable() {
        return driver.findElements(By.cssSelector("#promises-table tbody tr:not(.empty)")).stream()
                .map(row -> {
                    List<String> cells = row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
                    List<String> shown = new java.util.ArrayList<>();
                    shown.add(cells.get(0));
                    shown.add(row.getDomAttribute("data-kind"));
                    shown.addAll(cells.subList(2, cells.size()));
                    return shown;
                })
                .toList();
    }

    void sortBy(String header) {
        driver.findElement(By.xpath("//table[@id='bonus-table']//th[normalize-space(.)='" + header + "']")).click();
        screenshot("sorted by " + header);
    }

    Object script(String script) {
        return driver.executeScript(script);
    }

    /** Clicks "Download CSV" and answers the downloaded file once it is complete. */
    Path downloadCsv() {
        driver.findElement(By.id("download-csv")).click();
        wait.until(d -> {
            try (var files = Files.list(downloads)) {
                return files.anyMatch(f -> f.toString().endsWith(".csv"));
            } catch (IOException e) {
                return false;
            }
        });
        try (var files = Files.list(downloads)) {
            return files.filter(f -> f.toString().endsWith(".csv")).findFirst().orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void waitFor(String css, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
    }

    void screenshot(String name) {
        Path file = screenshots.resolve(String.format("%02d-%s.png", ++step, name.replaceAll("[^A-Za-z0-9-]+", "-")));
        try {
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
