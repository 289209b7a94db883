package dev.helix.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The portal in a real browser (Debian's headless Chromium): sign in, and watch a task move by push. */
@ExtendWith(ArquillianExtension.class)
class DashboardBrowserIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.helixEar();
    }

    private WebDriver browser;

    @BeforeEach
    void openBrowser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("helix.it.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1400,1000");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("helix.it.chromedriver", "/usr/bin/chromedriver")).toFile())
                .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void closeBrowser() throws Exception {
        if (browser != null) {
            Path shot = Path.of("target", "screenshots");
            Files.createDirectories(shot);
            Files.write(shot.resolve("dashboard.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            browser.quit();
        }
    }

    @Test
    void theDashboardShowsATaskMovingWithoutAReload() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
        browser.get(HelixClient.BASE + "/dashboard.xhtml");
        wait.until(ExpectedConditions.urlContains("/login.xhtml"));
        browser.findElement(By.id("login:username")).sendKeys("admin");
        browser.findElement(By.id("login:password")).sendKeys(HelixClient.ADMIN_PASSWORD);
        browser.findElement(By.id("login:submit")).click();
        wait.until(ExpectedConditions.urlContains("/dashboard.xhtml"));
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return window.helixSocket && window.helixSocket.readyState === 1")));
        ((JavascriptExecutor) browser).executeScript("window.helixNoReload = 'still here';");

        long id = HelixClient.admin().post("/api/v1/tasks", "{\"title\":\"Watched in the browser\",\"prompt\":\"Show the move\"}")
                .expect(201).object().getJsonNumber("id").longValue();
        By status = By.cssSelector(".task-status[data-task='" + id + "']");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(status, "SPEC_REVIEW"));

        HelixClient.admin().post("/api/v1/tasks/" + id + "/approvals", "{\"gate\":\"SPEC\",\"decision\":\"APPROVE\"}").expect(200);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(status, "IMPLEMENTATION_REVIEW"));

        assertEquals("still here", ((JavascriptExecutor) browser).executeScript("return window.helixNoReload"),
                "the page must update by push, not by reloading");
        assertTrue(browser.findElement(By.id("board")).getText().contains("IMPLEMENTATION_REVIEW"));
    }
}
