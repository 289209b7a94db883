package dev.helix.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Integrations page in a browser: the SOAP services' WSDL, a webhook subscribed from the page and its delivery log
 * with a redelivery and a confirmed removal, chat-ops configured by an administrator, and a chat account linked with
 * its code.
 */
@ExtendWith(ArquillianExtension.class)
class IntegrationsPageIT extends BrowserTest {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.helixEar();
    }

    @Test
    void aWebhookIsSubscribedFollowedRedeliveredAndRemovedFromThePage() {
        HelixClient admin = HelixClient.admin();
        try (HookReceiver receiver = new HookReceiver()) {
            HeadlessBrowser.signIn(browser, "/integrations.xhtml", "admin", HelixClient.ADMIN_PASSWORD);
            assertTrue(browser.findElement(By.id("soap")).getText().contains("/soap/TaskService"));
            assertTrue(browser.findElement(By.cssSelector("#soap a")).getAttribute("href").endsWith("/soap/TaskService?wsdl"));

            browser.findElement(By.id("webhooks:url")).sendKeys(receiver.url("/page"));
            browser.findElement(By.xpath("//*[@id='webhooks:events']//label[normalize-space()='task.approval-needed']")).click();
            browser.findElement(By.cssSelector("#webhooks\\:allow-private .ui-chkbox-box")).click();
            browser.findElement(By.id("webhooks:subscribe")).click();
            String secret = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("issued-secret"))).getText();
            assertTrue(secret.startsWith("whsec_"), secret);
            JsonObject subscription = admin.get("/api/v1/webhooks").expect(200).json().asJsonArray()
                    .getValuesAs(JsonObject.class).stream().filter(s -> s.getString("url").equals(receiver.url("/page")))
                    .findFirst().orElseThrow();
            long id = subscription.getJsonNumber("id").longValue();

            long task = admin.post("/api/v1/tasks", "{\"title\":\"Paged\",\"prompt\":\"Fix the typo\"}").expect(201)
                    .object().getJsonNumber("id").longValue();
            admin.awaitStatus(task, "SPEC_REVIEW");
            browser.get(HelixClient.BASE + "/integrations.xhtml?webhook=" + id);
            WebElement status = awaitLog("DELIVERED");
            assertTrue(browser.findElement(By.id("deliveries:log")).getText().contains("HTTP 200"));
            String messageId = status.findElement(By.xpath("ancestor::tr/td[2]")).getText().strip();
            assertTrue(messageId.startsWith("msg_"), messageId);

            status.findElement(By.xpath("ancestor::tr//button[@name='deliveries:redeliver']")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notices"), "queued to be sent again"));
            new WebDriverWait(browser, Duration.ofSeconds(30)).until(b ->
                    receiver.received().stream().filter(r -> messageId.equals(r.headers().get("webhook-id"))).count() == 2);

            browser.get(HelixClient.BASE + "/integrations.xhtml");
            By remove = By.id("unsubscribe-" + id);
            browser.findElement(remove).click();
            Alert question = wait.until(ExpectedConditions.alertIsPresent());
            assertTrue(question.getText().contains(receiver.url("/page")), question.getText());
            question.dismiss();
            admin.get("/api/v1/webhooks/" + id).expect(200);
            browser.findElement(remove).click();
            wait.until(ExpectedConditions.alertIsPresent()).accept();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notices"), "removed"));
            admin.get("/api/v1/webhooks/" + id).problem(404);
        }
    }

    @Test
    void anAdministratorConfiguresChatOpsAndAUserLinksTheirChatAccount() throws Exception {
        HeadlessBrowser.signIn(browser, "/integrations.xhtml", "admin", HelixClient.ADMIN_PASSWORD);
        browser.findElement(By.id("chatops:slack")).sendKeys(ChatOpsIT.SLACK_SECRET);
        browser.findElement(By.id("chatops:save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notices"), "Chat-ops settings saved"));
        assertEquals("configured", browser.findElement(By.id("chatops:slack-state")).getText());
        assertFalse(browser.getPageSource().contains(ChatOpsIT.SLACK_SECRET), "the secret is never shown");

        String chatUser = "UPAGE" + System.nanoTime();
        browser.findElement(By.id("chat:link")).click();
        String command = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("link-code"))).getText();
        Matcher code = Pattern.compile("/helix link ([A-Z2-9]{4}-[A-Z2-9]{4})").matcher(command);
        assertTrue(code.matches(), command);
        assertTrue(ChatOpsIT.signedSlack(chatUser, "link " + code.group(1)).expect(200).body().contains("acts as admin"));
        browser.get(HelixClient.BASE + "/integrations.xhtml");
        assertTrue(browser.findElement(By.id("chat:own-links")).getText().contains(chatUser));
        assertTrue(browser.findElement(By.id("chatops:all-links")).getText().contains(chatUser));
        assertTrue(ChatOpsIT.signedSlack(chatUser, "fleet").expect(200).body().contains("Agents:"));

        browser.findElement(By.id("unlink-SLACK")).click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notices"), "unlinked"));
        assertTrue(ChatOpsIT.signedSlack(chatUser, "fleet").expect(200).body().contains("not linked"));
    }

    /** The delivery log's first row, once it shows the status (the page is read again until it does). */
    private WebElement awaitLog(String wanted) {
        return new WebDriverWait(browser, Duration.ofSeconds(60)).until(b -> {
            b.navigate().refresh();
            return b.findElements(By.cssSelector("[id$=':status']")).stream()
                    .filter(e -> e.getText().equals(wanted)).findFirst().orElse(null);
        });
    }
}
