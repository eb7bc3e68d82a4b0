package dev.collectflow.tasklist;

import dev.collectflow.Chromium;
import dev.collectflow.CollectionTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tests that drive Camunda Tasklist in Chromium against the running application: one browser per test, named after
 * it for its screenshots. The application keeps real time here (the browser's date pickers know only today).
 */
abstract class TasklistBrowserTestSupport extends CollectionTestSupport {

    @LocalServerPort int port;
    protected TasklistBrowser browser;

    @BeforeAll
    static void browserInstalled() {
        Chromium.require();
    }

    @BeforeEach
    void openBrowser(TestInfo test) throws Exception {
        clock.reset();
        browser = new TasklistBrowser("http://localhost:" + port, test.getTestMethod().orElseThrow().getName());
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }
}
