package dev.helix.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The spirals and rituals pages in a real browser: a definition's problems listed one by one, a spiral saved,
 * drawn and run with its step detail, then deleted once the user agrees; a ritual run with its progress and
 * history. Each change is checked through the REST API.
 */
@ExtendWith(ArquillianExtension.class)
class AutomationPagesIT extends BrowserTest {

    private final HelixClient admin = HelixClient.admin();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.helixEar();
    }

    @Test
    void aSpiralIsEditedDrawnAndRunFromItsPage() {
        String name = "portal-spiral-" + System.nanoTime();
        HeadlessBrowser.signIn(browser, "/spirals.xhtml", "admin", HelixClient.ADMIN_PASSWORD);
        define("{\"name\":\"" + name + "\",\"trigger\":{\"type\":\"MANUAL\"},\"steps\":[{\"type\":\"FLY\"},{\"type\":\"WAIT\",\"millis\":-1}]}");
        browser.findElement(By.id("editor:create")).click();
        List<WebElement> problems = wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#editor\\:problems li"), 1));
        assertTrue(problems.stream().anyMatch(p -> p.getText().contains("FLY")), problems.get(0).getText());
        assertTrue(problems.stream().anyMatch(p -> p.getText().contains("millis")), problems.get(1).getText());

        define("{\"name\":\"" + name + "\",\"trigger\":{\"type\":\"MANUAL\"},\"steps\":["
                + "{\"id\":\"greet\",\"type\":\"SET_VARIABLE\",\"name\":\"greeting\",\"value\":\"'hello ' + coalesce(input.who, 'world')\"},"
                + "{\"id\":\"check\",\"type\":\"BRANCH\",\"condition\":\"len(greeting) > 3\",\"then\":\"rest\"},"
                + "{\"id\":\"rest\",\"type\":\"WAIT\",\"millis\":10}]}");
        browser.findElement(By.id("editor:create")).click();
        WebElement diagram = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("spiral-diagram")));
        assertEquals(3, diagram.findElements(By.cssSelector("[data-step]")).size());
        long id = admin.get("/api/v1/spirals").expect(200).json().asJsonArray().getValuesAs(JsonObject.class).stream()
                .filter(s -> s.getString("name").equals(name)).findFirst().orElseThrow().getJsonNumber("id").longValue();

        browser.findElement(By.id("start:run")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("runs"), "COMPLETED"));
        JsonObject run = admin.get("/api/v1/spirals/" + id + "/runs").expect(200).json().asJsonArray().getJsonObject(0);
        assertEquals("COMPLETED", run.getString("status"));
        assertEquals("hello world", run.getJsonObject("variables").getString("greeting"));
        browser.get(HelixClient.BASE + "/spirals.xhtml?id=" + id + "&run=" + run.getJsonNumber("id"));
        WebElement steps = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("run-steps")));
        assertTrue(steps.getText().contains("greet") && steps.getText().contains("greeting = hello world"), steps.getText());

        // Deleting asks first.
        browser.findElement(By.id("editor:delete")).click();
        Alert question = wait.until(ExpectedConditions.alertIsPresent());
        assertTrue(question.getText().startsWith("Delete this spiral?"), question.getText());
        question.accept();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("editor:messages"), "Spiral " + id + " deleted"));
        admin.get("/api/v1/spirals/" + id).problem(404);
    }

    @Test
    void aRitualRunsFromItsPageWithProgressAndHistory() {
        HeadlessBrowser.signIn(browser, "/rituals.xhtml", "admin", HelixClient.ADMIN_PASSWORD);
        browser.get(HelixClient.BASE + "/rituals.xhtml?name=z-88");
        long newestBefore = z88Runs().stream().mapToLong(AutomationPagesIT::id).max().orElse(0);
        browser.findElement(By.id("start:dry-run")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("progress")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("newest-status"), "COMPLETED"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("history"), "would seal"));
        List<JsonObject> runs = z88Runs();
        JsonObject run = runs.get(0);
        assertEquals(1, runs.stream().filter(r -> id(r) > newestBefore).count(), "the click queued exactly one run");
        assertTrue(id(run) > newestBefore, "the newest run is the one the click queued");
        assertTrue(run.getBoolean("dryRun"));
        assertEquals("COMPLETED", run.getString("status"));
        assertTrue(browser.findElement(By.id("stages")).getText().contains("z88-roll-call"));
    }

    /** Z-88's newest runs, newest first. */
    private List<JsonObject> z88Runs() {
        return admin.get("/api/v1/rituals/z-88/runs?limit=200").expect(200).json().asJsonArray().getValuesAs(JsonObject.class);
    }

    private static long id(JsonObject run) {
        return run.getJsonNumber("id").longValue();
    }

    private void define(String json) {
        WebElement editor = browser.findElement(By.id("editor:definition"));
        editor.clear();
        editor.sendKeys(json);
    }
}
