package dev.helix.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through chromedriver, for the browser tests. Each test leaves a screenshot of
 * its last page in {@code target/screenshots}, and fails if the browser's console reported a Content Security Policy
 * violation on any page it showed.
 */
final class HeadlessBrowser {

    /** Run in every page before its own scripts: logs each violation of its Content Security Policy. */
    private static final String REPORT_VIOLATIONS = "document.addEventListener('securitypolicyviolation', function (v) {"
            + " console.error('Content Security Policy violation: ' + v.effectiveDirective + ' refused '"
            + " + (v.blockedURI || 'inline') + ' at ' + v.sourceFile + ':' + v.lineNumber + ' ' + v.sample); });";

    private HeadlessBrowser() {
    }

    static WebDriver open() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("helix.it.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1400,1000");
        // The test server's HTTPS certificate is Liberty's generated, self-signed one.
        options.setAcceptInsecureCerts(true);
        // The console, where the browser reports what the Content Security Policy refused.
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("helix.it.chromedriver", "/usr/bin/chromedriver")).toFile())
                .build();
        ChromeDriver browser = new ChromeDriver(service, options);
        // The browser reports some violations itself, but not all: not an eval whose error a script caught.
        browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", REPORT_VIOLATIONS));
        return browser;
    }

    /**
     * Makes every page shown from now on open its WebSockets only {@code delay} after it asked to, as on a slow
     * network: what a stream sends meanwhile never reaches the page by the stream.
     */
    static void connectStreamsLate(WebDriver browser, Duration delay) {
        String late = "(function () { var Real = window.WebSocket; window.WebSocket = function (url) {"
                + " var late = { readyState: 0 }; setTimeout(function () { var socket = new Real(url);"
                + " socket.onopen = function () { late.readyState = 1; };"
                + " socket.onmessage = function (m) { if (late.onmessage) { late.onmessage(m); } };"
                + " socket.onclose = function (c) { late.readyState = 3; if (late.onclose) { late.onclose(c); } };"
                + " }, " + delay.toMillis() + "); return late; }; })();";
        ((ChromeDriver) browser).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", late));
    }

    static WebDriverWait patiently(WebDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(60));
    }

    /** Signs in on the portal's sign-in page, starting from a page that needs it, and waits to land on it. */
    static void signIn(WebDriver browser, String page, String user, String password) {
        WebDriverWait wait = patiently(browser);
        browser.get(HelixClient.BASE + page);
        wait.until(ExpectedConditions.urlContains("/login.xhtml"));
        browser.findElement(By.id("login:username")).sendKeys(user);
        browser.findElement(By.id("login:password")).sendKeys(password);
        browser.findElement(By.id("login:submit")).click();
        wait.until(ExpectedConditions.urlContains(page));
    }

    /**
     * What the browser's console reported, since the last look, about something the Content Security Policy refused:
     * an inline script or handler without the page's nonce, an eval, a source of another origin.
     */
    static List<String> policyViolations(WebDriver browser) {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy") || message.contains("Refused to"))
                .toList();
    }

    /**
     * Keeps a screenshot of the page the test ended on and closes the browser; then fails the test if the browser
     * refused anything under the Content Security Policy meanwhile.
     */
    static void finish(WebDriver browser, TestInfo test) throws IOException {
        if (browser == null) {
            return;
        }
        List<String> violations;
        try {
            violations = policyViolations(browser);
            Path shots = Files.createDirectories(Path.of("target", "screenshots"));
            Files.write(shots.resolve(test.getTestClass().orElseThrow().getSimpleName() + "-"
                            + test.getTestMethod().orElseThrow().getName() + ".png"),
                    ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } finally {
            browser.quit();
        }
        assertEquals(List.of(), violations, "the browser reported Content Security Policy violations");
    }
}
