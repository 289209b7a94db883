package dev.helix.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through chromedriver, for the browser tests. Each test leaves a screenshot of
 * its last page in {@code target/screenshots}.
 */
final class HeadlessBrowser {

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
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("helix.it.chromedriver", "/usr/bin/chromedriver")).toFile())
                .build();
        return new ChromeDriver(service, options);
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

    /** Keeps a screenshot of the page the test ended on, then closes the browser. */
    static void screenshotAndQuit(WebDriver browser, TestInfo test) throws IOException {
        if (browser == null) {
            return;
        }
        try {
            Path shots = Files.createDirectories(Path.of("target", "screenshots"));
            Files.write(shots.resolve(test.getTestClass().orElseThrow().getSimpleName() + "-"
                            + test.getTestMethod().orElseThrow().getName() + ".png"),
                    ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } finally {
            browser.quit();
        }
    }
}
