package dev.collectflow.tasklist;

import dev.collectflow.Chromium;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * Camunda Tasklist in Debian's headless Chromium, driven the way a person uses it: log in, pick a filter, open a
 * task, fill its form, complete it. Every step leaves a screenshot under target/e2e-screenshots/. Needs
 * {@link Chromium}.
 */
class TasklistBrowser implements AutoCloseable {

    private static final DateTimeFormatter FORM_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy");

    private static final By COMPLETE = By.xpath("//button[normalize-space(.)='Complete']");

    private final ChromeDriver driver;
    private final WebDriverWait wait;
    private final String baseUrl;
    private final Path screenshots;
    private int step;

    TasklistBrowser(String baseUrl, String testName) throws IOException {
        this.baseUrl = baseUrl;
        this.screenshots = Path.of("target", "e2e-screenshots", testName);
        FileSystemUtils.deleteRecursively(screenshots);
        Files.createDirectories(screenshots);
        driver = Chromium.start("1400,1300", Map.of());
        wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    /**
     * Before any page loads: replaces alert, confirm and prompt with recorders and records every image that fails to
     * load (what an injected {@code <img src=x onerror=…>} does), so a test can show that no injected script ran.
     */
    void watchForInjectedScripts() {
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
                window.__injected = [];
                for (const name of ['alert', 'confirm', 'prompt']) {
                  const recorder = (...args) => { window.__injected.push(name + ': ' + args.join(' ')); };
                  recorder.isRecorder = true;
                  window[name] = recorder;
                }
                window.addEventListener('error', event => {
                  const target = event.target;
                  if (target && target.tagName === 'IMG') {
                    window.__injected.push('image failed: ' + target.outerHTML);
                  }
                }, true);
                """));
    }

    /** What the recorders of {@link #watchForInjectedScripts()} saw, and whether they are still in place. */
    List<String> injectedScriptEvents() {
        Object events = driver.executeScript("""
                const untouched = ['alert', 'confirm', 'prompt'].every(n => window[n] && window[n].isRecorder === true);
                return (window.__injected || ['not watched']).concat(untouched ? [] : ['alert was replaced']);
                """);
        return ((List<?>) events).stream().map(String::valueOf).toList();
    }

    /** Image elements with an onerror handler anywhere in the page. */
    long imagesWithErrorHandlers() {
        return ((Number) driver.executeScript(
                "return document.querySelectorAll('img[onerror]').length;")).longValue();
    }

    String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** The assignee as the task view shows them: a name where Tasklist may read the person, else the id. */
    String assigneeShown() {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("section.task-card li.assignee"))).getText().strip();
    }

    /** Makes the user the task's assignee through the task view's assignee field, as a head of sales takes over. */
    void takeOver(String userId, String expectedName) {
        wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("section.task-card li.assignee [cam-widget-inline-field]"))).click();
        WebElement input = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("section.task-card li.assignee input")));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(userId);
        screenshot("assignee typed");
        input.sendKeys(Keys.ENTER); // Tasklist checks that the user exists, then assigns
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("section.task-card li.assignee"), expectedName));
        screenshot("taken over");
    }

    void logIn(String user, String password) {
        driver.get(baseUrl + "/camunda/app/tasklist/default/");
        // the first page of a fresh browser loads Tasklist's whole bundle: slow on a busy machine
        WebElement name = new WebDriverWait(driver, Duration.ofSeconds(60)).until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model=username]")));
        name.sendKeys(user);
        driver.findElement(By.cssSelector("input[ng-model=password]")).sendKeys(password);
        screenshot("login");
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[cam-tasklist-filters] .task-filter")));
    }

    /** Clicks a saved filter in the left column and answers the names of the tasks it lists. */
    List<String> openFilter(String filterName) {
        click(By.xpath(
                "//div[contains(@class,'task-filter')]//h4/a[contains(normalize-space(.), " + literal(filterName) + ")]"));
        wait.until(ExpectedConditions.attributeContains(By.xpath("//div[contains(@class,'task-filter')]"
                + "[.//h4/a[contains(normalize-space(.), " + literal(filterName) + ")]]"), "class", "active"));
        // the list is loaded once it shows tasks or says there are none
        wait.until(d -> !d.findElements(By.cssSelector(".tasks-list li.task h4")).isEmpty()
                || !d.findElements(By.xpath(
                        "//div[contains(@class,'well')][contains(normalize-space(.), 'No task matching filters found')]"))
                        .isEmpty());
        screenshot("filter " + filterName);
        return taskNames();
    }

    /** The text as an XPath string literal, also when it holds an apostrophe ("Today's calls"). */
    private static String literal(String text) {
        return text.contains("'") ? "\"" + text + "\"" : "'" + text + "'";
    }

    /** The names of the listed tasks, read again while Tasklist is still re-rendering the list. */
    List<String> taskNames() {
        // Tasklist redraws its list while it refreshes: read it again when an entry went stale
        return wait.ignoring(StaleElementReferenceException.class).until(page -> page
                .findElements(By.cssSelector(".tasks-list li.task h4")).stream().map(WebElement::getText).toList());
    }

    /** Clicks the element once it is clickable, found afresh if Tasklist redrew it meanwhile. */
    private void click(By element) {
        wait.ignoring(StaleElementReferenceException.class).until(page -> {
            WebElement found = ExpectedConditions.elementToBeClickable(element).apply(page);
            if (found == null) {
                return false;
            }
            found.click();
            return true;
        });
    }

    /** Opens the task whose name contains the text; answers the text of the task's form once it is shown. */
    String openTask(String nameContains) {
        click(By.xpath(
                "//*[contains(@class,'tasks-list')]//li[contains(@class,'task')]//h4[contains(., '" + nameContains + "')]"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".task-details h2.task"), nameContains));
        WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".fjs-form"), "Open amount"));
        screenshot("task " + nameContains);
        return form.getText();
    }

    void claim() {
        By claim = By.cssSelector("section.task-card button.claim");
        wait.until(ExpectedConditions.elementToBeClickable(claim)).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(claim));
        // the form is loaded again for its new assignee, now editable
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".disabled-form")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form")));
        screenshot("claimed");
    }

    void choose(String optionLabel) {
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//label[contains(@class,'fjs-form-field-label')][normalize-space(.)='" + optionLabel + "']"))).click();
    }

    /**
     * Types into a form field as a person would. The form may render a field anew while it reacts to an earlier
     * input, so the text is typed until the field shows it.
     */
    void fill(String fieldLabel, String text) {
        wait.until(d -> {
            WebElement input = field(fieldLabel);
            if (!text.equals(input.getDomProperty("value"))) {
                input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
                input.sendKeys(text);
            }
            return text.equals(field(fieldLabel).getDomProperty("value"));
        });
        field(fieldLabel).sendKeys(Keys.TAB); // leaving the field hands its (debounced) value to the form
    }

    /** Types a date into a form's date field as a person would (the field's format is mm/dd/yyyy). */
    void fillDate(String fieldLabel, LocalDate date) {
        WebElement input = field(fieldLabel);
        input.click();
        input.sendKeys(date.format(FORM_DATE));
        input.sendKeys(Keys.ENTER);
        input.sendKeys(Keys.ESCAPE);
        driver.findElement(By.cssSelector(".task-details h2.task")).click(); // closes the date picker
    }

    void complete() {
        WebElement button;
        try {
            button = wait.until(ExpectedConditions.elementToBeClickable(COMPLETE));
        } catch (RuntimeException e) {
            screenshot("cannot complete");
            throw e;
        }
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", button);
        screenshot("form filled");
        button.click();
    }

    /** Tasklist keeps "Complete" disabled while the form has invalid fields. */
    boolean canComplete() {
        return driver.findElement(COMPLETE).isEnabled();
    }

    /** The error messages the form shows under its fields. */
    List<String> fieldErrors() {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form-field-error")));
        screenshot("field errors");
        return driver.findElements(By.cssSelector(".fjs-form-field-error")).stream().map(WebElement::getText).toList();
    }

    /** Waits until Tasklist has completed the open task: its form is gone from the task view. */
    void waitUntilCompleted(String nameContains) {
        try {
            wait.until(ExpectedConditions.not(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector(".task-details"), nameContains)));
        } catch (RuntimeException e) {
            screenshot("not completed");
            throw e;
        }
        screenshot("completed");
    }

    /** The error Tasklist shows when the server refuses to complete the task. */
    String errorNotification() {
        WebElement alert = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notifications .alert")));
        screenshot("refused");
        return alert.getText();
    }

    boolean taskStillListed(String nameContains) {
        return !driver.findElements(By.xpath("//*[contains(@class,'tasks-list')]//li[contains(@class,'task')]"
                + "//h4[contains(., '" + nameContains + "')]")).isEmpty();
    }

    void screenshot(String name) {
        Path file = screenshots.resolve(String.format("%02d-%s.png", ++step, name.replaceAll("[^A-Za-z0-9-]+", "-")));
        try {
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private WebElement field(String label) {
        WebElement labelElement = wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
                "//label[contains(@class,'fjs-form-field-label')][starts-with(normalize-space(.), '" + label + "')]")));
        return driver.findElement(By.id(labelElement.getAttribute("for")));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
