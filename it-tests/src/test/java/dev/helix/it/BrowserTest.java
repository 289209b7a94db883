package dev.helix.it;

import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A test that drives the portal in a fresh headless browser per test, and keeps a screenshot of its last page. */
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
        HeadlessBrowser.screenshotAndQuit(browser, test);
    }
}
