package dev.helix.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The portal and the Admin Center in a real browser, Debian's headless Chromium: sign in, watch a task move on
 * the dashboard by push, and sign in to the Admin Center as the initial administrator and find its batch tool. A screenshot of each
 * test's last page is left in {@code target/screenshots}.
 */
@ExtendWith(ArquillianExtension.class)
class PortalBrowserIT extends BrowserTest {


    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.helixEar();
    }

    @Test
    void theDashboardShowsATaskMovingWithoutAReload() {
        HeadlessBrowser.signIn(browser, "/dashboard.xhtml", "admin", HelixClient.ADMIN_PASSWORD);
        wait.until(d -> Boolean.TRUE.equals(script("return window.helixSocket && window.helixSocket.readyState === 1")));
        script("window.helixNoReload = 'still here';");

        long id = HelixClient.admin().post("/api/v1/tasks", "{\"title\":\"Watched in the browser\",\"prompt\":\"Show the move\"}")
                .expect(201).object().getJsonNumber("id").longValue();
        By status = By.cssSelector(".task-status[data-task='" + id + "']");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(status, "SPEC_REVIEW"));

        HelixClient.admin().post("/api/v1/tasks/" + id + "/approvals", "{\"gate\":\"SPEC\",\"decision\":\"APPROVE\"}").expect(200);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(status, "IMPLEMENTATION_REVIEW"));

        assertEquals("still here", script("return window.helixNoReload"), "the page must update by push, not by reloading");
        assertTrue(browser.findElement(By.id("board")).getText().contains("IMPLEMENTATION_REVIEW"));
    }

    @Test
    void theAdministratorSignsInToTheAdminCenter() {
        browser.get(HelixClient.SECURE_BASE + "/adminCenter/");
        WebElement loginButton = signInToAdminCenter("wrong-password");
        wait.until(ExpectedConditions.stalenessOf(loginButton));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("j_username")));
        assertTrue(browser.getCurrentUrl().contains("login"), "a wrong password stays on the sign-in page, not "
                + browser.getCurrentUrl());

        browser.get(HelixClient.SECURE_BASE + "/adminCenter/");
        signInToAdminCenter(HelixClient.ADMIN_PASSWORD);
        wait.until(ExpectedConditions.urlToBe(HelixClient.SECURE_BASE + "/adminCenter/"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Java Batch"));
    }

    /** Fills in and submits the Admin Center's sign-in form; answers the button, which goes stale on submit. */
    private WebElement signInToAdminCenter(String password) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("j_username"))).sendKeys("admin");
        browser.findElement(By.id("j_password")).sendKeys(password);
        WebElement button = browser.findElement(By.id("loginButton"));
        button.click();
        return button;
    }

    private Object script(String javascript) {
        return ((JavascriptExecutor) browser).executeScript(javascript);
    }
}
