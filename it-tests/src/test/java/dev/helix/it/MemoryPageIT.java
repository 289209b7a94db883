package dev.helix.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The memory explorer in a real browser: the index's state, a memory added from the page, found by a similarity
 * search and forgotten; each change checked through the REST API.
 */
@ExtendWith(ArquillianExtension.class)
class MemoryPageIT extends BrowserTest {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.helixEar();
    }

    @Test
    void aMemoryIsAddedFoundAndForgottenFromTheExplorer() {
        String workspace = "page-" + System.nanoTime();
        String text = "Throttled the " + workspace + " crawler after the rate limiter tripped";
        HeadlessBrowser.signIn(browser, "/memory.xhtml", "admin", HelixClient.ADMIN_PASSWORD);
        assertEquals("READY", browser.findElement(By.id("index-state")).getText());

        browser.findElement(By.id("add:text")).sendKeys(text);
        browser.findElement(By.id("add:new-workspace")).sendKeys(workspace);
        browser.findElement(By.id("add:remember")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("memory:messages"), "stored in " + workspace));
        JsonObject stored = HelixClient.admin().post("/api/v1/memory/search", "{\"query\":\"" + text + "\",\"scope\":\""
                + workspace + "\"}").expect(200).json().asJsonArray().getJsonObject(0);
        assertEquals(text, stored.getString("text"));

        browser.findElement(By.id("memory:query")).sendKeys("why was the crawler throttled");
        browser.findElement(By.id("memory:workspace")).sendKeys(workspace);
        browser.findElement(By.id("memory:search")).click();
        WebElement hits = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("memory:hits")));
        assertTrue(hits.getText().contains(text) && hits.getText().contains("TASK_SUMMARY"), hits.getText());

        // A closer memory stored while the answer is on screen comes first in the next search; the click still
        // forgets the memory its row showed.
        JsonObject closer = HelixClient.admin().post("/api/v1/memory", "{\"text\":\"why was the crawler throttled\","
                + "\"kind\":\"TASK_SUMMARY\",\"workspace\":\"" + workspace + "\"}").expect(201).object();
        hits.findElement(By.cssSelector("button[name='memory:forget']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("memory:messages"), "forgotten"));
        HelixClient.admin().get("/api/v1/memory/" + stored.getJsonNumber("id")).problem(404);
        HelixClient.admin().get("/api/v1/memory/" + closer.getJsonNumber("id")).expect(200);
    }
}
