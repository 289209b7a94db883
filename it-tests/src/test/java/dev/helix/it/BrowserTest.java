package dev.helix.it;

import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A test that drives the portal in a fresh headless browser per test, keeps a screenshot of its last page, and fails
 * if the browser reported a Content Security Policy violation.
 */
abstract class BrowserTest {

    protected WebDriver browser;
    protected WebDriverWait wait;

    @BeforeEach
    void openBrowser() {
        browser = HeadlessBrowser.open();
        wait = HeadlessBrowser.patiently(browser);
    }

    @AfterEach
    void closeBrowser(TestInfo test) throws IOException {
        HeadlessBrowser.finish(browser, test);
    }
}
