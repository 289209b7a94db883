package dev.helix.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The usage page in a real browser: a gateway call shows up in the sums per model and per API key and in the charts,
 * the range is chosen at an address of its own, each table exports as CSV, and a user without usage:read is refused
 * the page and not offered it.
 */
@ExtendWith(ArquillianExtension.class)
class UsagePageIT extends BrowserTest {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.helixEar();
    }

    private static final String RUN = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);

    @Test
    void aGatewayCallIsSummedChartedAndExportable() {
        HelixClient owner = HelixClient.user("usage-page-" + RUN, "developer");
        String prefix = owner.post("/api/v1/me/api-keys", "{\"name\":\"unused\"}").expect(201).object().getString("prefix");
        String key = owner.post("/api/v1/me/api-keys", "{\"name\":\"used\"}").expect(201).object().getString("key");
        HelixClient.withBearer(key).post("/v1/chat/completions",
                "{\"model\":\"offline\",\"messages\":[{\"role\":\"user\",\"content\":\"Count me\"}]}").expect(200);
        String used = key.split("_")[1];
        awaitRecorded(used);

        HeadlessBrowser.signIn(browser, "/usage.xhtml", "admin", HelixClient.ADMIN_PASSWORD);
        browser.get(HelixClient.BASE + "/usage.xhtml?days=1");
        assertTrue(rowsOf("helix-usage-model").stream().anyMatch(row -> row.startsWith("offline ")), rowsOf("helix-usage-model")::toString);
        assertTrue(rowsOf("helix-usage-key").stream().anyMatch(row -> row.startsWith(used + " ")), rowsOf("helix-usage-key")::toString);
        assertTrue(rowsOf("helix-usage-key").stream().noneMatch(row -> row.startsWith(prefix + " ")), "a key never used is not listed");
        assertEquals(List.of("tokens"), datasetLabels("dayChart"));
        assertTrue(datasetValues("modelChart").get(0) > 0);
        String csv = browser.findElement(By.id("csv-model")).getAttribute("href");
        assertTrue(csv.contains("/api/v1/usage?format=csv&groupBy=model&from="), csv);

        new Select(browser.findElement(By.id("view:days"))).selectByValue("30");
        browser.findElement(By.id("view:show")).click();
        wait.until(ExpectedConditions.urlContains("days=30"));
        assertEquals(31, ((Number) script("return PrimeFaces.widgets.dayChart.chart.data.labels.length")).intValue(),
                "every day of the range, today included");
    }

    @Test
    void aUserWithoutUsageReadIsRefusedThePageAndNotOfferedIt() {
        HelixClient developer = HelixClient.user("usage-dev-" + RUN, "developer");
        assertEquals(403, developer.get("/usage.xhtml").status());
        HeadlessBrowser.signIn(browser, "/dashboard.xhtml", "usage-dev-" + RUN, "usage-dev-" + RUN + "-password-123");
        assertTrue(browser.findElements(By.id("nav-usage")).isEmpty());
        browser.get(HelixClient.BASE + "/usage.xhtml");
        assertTrue(browser.findElement(By.id("reason")).getText().contains("usage:read"));
    }

    /** The text of each row of the table with the style class, cells separated by spaces. */
    private List<String> rowsOf(String styleClass) {
        return browser.findElements(By.cssSelector("." + styleClass + " tbody tr")).stream().map(WebElement::getText)
                .map(text -> text.replace('\n', ' ')).toList();
    }

    @SuppressWarnings("unchecked")
    private List<String> datasetLabels(String widget) {
        awaitChart(widget);
        return (List<String>) script("return PrimeFaces.widgets." + widget + ".chart.data.datasets.map(d => d.label)");
    }

    @SuppressWarnings("unchecked")
    private List<Long> datasetValues(String widget) {
        awaitChart(widget);
        return ((List<Number>) script("return PrimeFaces.widgets." + widget + ".chart.data.datasets[0].data")).stream()
                .map(Number::longValue).toList();
    }

    private void awaitChart(String widget) {
        wait.until(d -> script("return !!(window.PrimeFaces && PrimeFaces.widgets." + widget + " && PrimeFaces.widgets."
                + widget + ".chart)"));
    }

    private Object script(String code) {
        return ((JavascriptExecutor) browser).executeScript(code);
    }

    /** The gateway meters a call just after answering it: waits (ten seconds at most) until the key's call is summed. */
    private static void awaitRecorded(String keyPrefix) {
        HelixClient admin = HelixClient.admin();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!admin.get("/api/v1/usage?groupBy=key").expect(200).body().contains("\"" + keyPrefix + "\"")
                && System.nanoTime() < deadline) {
            HelixClient.sleep(50);
        }
    }
}
