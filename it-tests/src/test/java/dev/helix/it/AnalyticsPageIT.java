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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The analytics page in a real browser: the UCF index now and its history as a chart, a series chosen by name
 * and resolution drawn with its forecast, and an unknown series named in the address reported, not failed.
 */
@ExtendWith(ArquillianExtension.class)
class AnalyticsPageIT extends BrowserTest {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.helixEar();
    }

    @Test
    void theIndexAndAChosenSeriesAreDrawnWithTheirForecast() {
        HeadlessBrowser.signIn(browser, "/analytics.xhtml", "admin", HelixClient.ADMIN_PASSWORD);
        for (String dimension : List.of("harmony", "resilience", "prana", "drishti", "klesha", "zoom")) {
            double value = Double.parseDouble(browser.findElement(By.id("ucf-" + dimension)).getText());
            double most = List.of("harmony", "resilience", "zoom").contains(dimension) ? 2 : 1;
            assertTrue(value >= 0 && value <= most, dimension + " = " + value);
        }
        assertEquals(List.of("harmony", "resilience", "prana", "drishti", "klesha", "zoom"), datasetLabels("ucfChart"));
        assertEquals(List.of("tasks.completed (tasks)", "forecast (Holt)"), datasetLabels("seriesChart"));
        // The last hour by minute, and ten minutes of forecast after it.
        long labels = (Long) script("return PrimeFaces.widgets.seriesChart.chart.data.labels.length");
        assertTrue(labels >= 70 && labels <= 71, "labels: " + labels);

        new Select(browser.findElement(By.id("view:series"))).selectByValue("queue.depth");
        new Select(browser.findElement(By.id("view:resolution"))).selectByValue("hour");
        browser.findElement(By.id("view:show")).click();
        wait.until(ExpectedConditions.urlContains("series=queue.depth"));
        assertTrue(browser.getCurrentUrl().contains("resolution=hour"), browser.getCurrentUrl());
        assertEquals("queue.depth", new Select(browser.findElement(By.id("view:series"))).getFirstSelectedOption().getText());
        assertEquals("hour", new Select(browser.findElement(By.id("view:resolution"))).getFirstSelectedOption().getText());
        assertTrue(browser.findElement(By.id("series-description")).getText().contains("messages, MEAN per hour"),
                browser.findElement(By.id("series-description")).getText());
        assertEquals(List.of("queue.depth (messages)", "forecast (Holt)"), datasetLabels("seriesChart"));

        browser.get(HelixClient.BASE + "/analytics.xhtml?series=no.such.series");
        // Said in the portal's growl (whose messages live in #messages_container), the default series shown instead.
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#messages_container .ui-growl-message"),
                "Metric series 'no.such.series' does not exist"));
        assertEquals(List.of("tasks.completed (tasks)", "forecast (Holt)"), datasetLabels("seriesChart"));
        assertTrue(browser.findElement(By.id("report-pdf")).getAttribute("href").endsWith("/api/v1/analytics/report?format=pdf"));
    }

    @SuppressWarnings("unchecked")
    private List<String> datasetLabels(String widget) {
        wait.until(d -> script("return !!(window.PrimeFaces && PrimeFaces.widgets." + widget + " && PrimeFaces.widgets."
                + widget + ".chart)"));
        return (List<String>) script("return PrimeFaces.widgets." + widget + ".chart.data.datasets.map(d => d.label)");
    }

    private Object script(String code) {
        return ((JavascriptExecutor) browser).executeScript(code);
    }
}
