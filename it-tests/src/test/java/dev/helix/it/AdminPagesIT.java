package dev.helix.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.sql.SQLException;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The portal's administration pages in a real browser: users, API keys, the role × permission matrix, security
 * settings and the audit trail, each change checked through the REST API; and pages a role may not see.
 */
@ExtendWith(ArquillianExtension.class)
class AdminPagesIT extends BrowserTest {

    private final HelixClient admin = HelixClient.admin();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.helixEar();
    }

    @Test
    void administratorsManageUsersAndTheirApiKeys() {
        String pat = "portal-pat-" + Long.toString(System.nanoTime(), 36); // a new account, also when run again
        HeadlessBrowser.signIn(browser, "/admin/users.xhtml", "admin", HelixClient.ADMIN_PASSWORD);
        browser.findElement(By.id("create:username")).sendKeys(pat);
        browser.findElement(By.id("create:password")).sendKeys(pat + "-password");
        tick("create:roles", "developer");
        browser.findElement(By.id("create:submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("users:table"), pat));
        assertEquals(List.of("developer"), strings(admin.get("/api/v1/admin/users/" + pat).expect(200).object(), "roles"));

        // A key for that account, narrowed to one scope, shown once and working at once.
        browser.get(HelixClient.BASE + "/keys.xhtml?user=" + pat);
        browser.findElement(By.id("keys:name")).sendKeys("ci-bot");
        tick("keys:scopes", "task:read");
        browser.findElement(By.id("keys:issue")).click();
        String key = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("issued-key"))).getText();
        assertTrue(key.startsWith("hx_"), key);
        HelixClient bot = HelixClient.withBearer(key);
        bot.get("/api/v1/tasks").expect(200);
        bot.get("/api/v1/agents").problem(403);
        browser.findElement(By.cssSelector("button[name='keys:revoke']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("keys:messages"), "revoked"));
        bot.get("/api/v1/tasks").problem(401);

        // Disable the account through the change form.
        browser.get(HelixClient.BASE + "/admin/users.xhtml");
        choose("change:user", pat);
        choose("change:enabled", "false");
        browser.findElement(By.id("change:submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("users:messages"), pat + " changed"));
        assertFalse(admin.get("/api/v1/admin/users/" + pat).expect(200).object().getBoolean("enabled"));

        // A refused change is a message on the page, not an error page, and changes nothing.
        choose("change:user", pat);
        choose("change:enabled", "true");
        browser.findElement(By.id("change:password")).sendKeys("too-short");
        browser.findElement(By.id("change:submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("users:messages"), "at least 12 characters"));
        assertFalse(admin.get("/api/v1/admin/users/" + pat).expect(200).object().getBoolean("enabled"));

        // Deleting asks first: declined, the page stays as it was; agreed, the account is gone.
        By delete = By.xpath("//tr[td[1][normalize-space()='" + pat + "']]//button[contains(@id,'delete')]");
        ((JavascriptExecutor) browser).executeScript("window.helixUndeleted = true;");
        browser.findElement(delete).click();
        Alert question = wait.until(ExpectedConditions.alertIsPresent());
        assertEquals("Delete " + pat + "? Their API keys are revoked too.", question.getText());
        question.dismiss();
        assertEquals(Boolean.TRUE, ((JavascriptExecutor) browser).executeScript("return window.helixUndeleted"),
                "declining must not submit the form");
        admin.get("/api/v1/admin/users/" + pat).expect(200);
        // An account created while the page is open, listed before this one, does not change what the click deletes.
        String earlier = "portal-early-" + Long.toString(System.nanoTime(), 36);
        admin.post("/api/v1/admin/users", "{\"username\":\"" + earlier
                + "\",\"password\":\"first-password-1\",\"roles\":[\"viewer\"]}").expect(201);
        browser.findElement(delete).click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("users:messages"), pat + " deleted"));
        admin.get("/api/v1/admin/users/" + pat).problem(404);
        admin.get("/api/v1/admin/users/" + earlier).expect(200);
    }

    @Test
    void administratorsRegisterTestAndRemoveAModelProvider() {
        String name = "portal-llm-" + Long.toString(System.nanoTime(), 36);
        try (FakeOpenAi fake = new FakeOpenAi("qwen2.5-coder")) {
            HeadlessBrowser.signIn(browser, "/admin/providers.xhtml", "admin", HelixClient.ADMIN_PASSWORD);
            assertTrue(browser.findElement(By.id("providers:table")).getText().contains("built in, offline"));
            browser.findElement(By.id("register:name")).sendKeys(name);
            browser.findElement(By.id("register:baseUrl")).sendKeys(fake.baseUrl());
            browser.findElement(By.id("register:apiKey")).sendKeys("sk-portal-secret");
            browser.findElement(By.id("register:models")).sendKeys("qwen2.5-coder, missing-model");
            browser.findElement(By.id("register:submit")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("providers:messages"), name + " registered"));
            assertTrue(browser.findElement(By.id("providers:table")).getText().contains("qwen2.5-coder, missing-model"));
            assertFalse(browser.getPageSource().contains("sk-portal-secret"), "the key is never shown again");
            JsonObject registered = admin.get("/api/v1/admin/providers/" + name).expect(200).object();
            assertTrue(registered.getBoolean("apiKeySet"));

            browser.findElement(By.id("test-" + name)).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("providers:messages"), name + " answered in"));
            assertTrue(browser.findElement(By.id("providers:messages")).getText().contains("it does not list missing-model"),
                    browser.findElement(By.id("providers:messages")).getText());

            browser.findElement(By.id("delete-" + name)).click();
            wait.until(ExpectedConditions.alertIsPresent()).accept();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("providers:messages"), name + " removed"));
            admin.get("/api/v1/admin/providers/" + name).problem(404);
            assertTrue(browser.findElements(By.id("delete-offline")).isEmpty(), "the built-in provider cannot be removed");
        }
    }

    @Test
    void theRoleMatrixIsEditedAsCheckBoxes() {
        List<String> before = developerPermissions();
        assertFalse(before.contains("audit:read"));
        HeadlessBrowser.signIn(browser, "/admin/roles.xhtml", "admin", HelixClient.ADMIN_PASSWORD);
        try {
            browser.findElement(By.cssSelector("input[title='developer: audit:read']")).click();
            browser.findElement(By.id("matrix:save")).click();
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("matrix:messages"), "Saved: developer"));
            assertTrue(developerPermissions().contains("audit:read"));
            assertTrue(browser.findElement(By.cssSelector("input[title='developer: audit:read']")).isSelected());
        } finally {
            admin.put("/api/v1/admin/roles/developer", "{\"permissions\":" + jsonArray(before) + "}").expect(200);
        }
    }

    @Test
    void securitySettingsSecretsAndTheAuditTrail() {
        HeadlessBrowser.signIn(browser, "/admin/security.xhtml", "admin", HelixClient.ADMIN_PASSWORD);
        assertTrue(browser.findElement(By.id("sso-on")).getText().contains("/realms/helix"));
        browser.findElement(By.id("secrets:rotate")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notices"), "is active"));

        browser.get(HelixClient.BASE + "/admin/audit.xhtml");
        browser.findElement(By.id("search:action")).sendKeys("secret.rotate-key");
        browser.findElement(By.id("search:find")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("records"), "secret.rotate-key"));
        assertFalse(browser.findElement(By.id("records")).getText().contains("user.create"));
        browser.findElement(By.id("search:verify")).click();
        wait.until(d -> !d.findElements(By.id("search:verdict")).isEmpty() || !d.findElements(By.id("search:broken")).isEmpty());
        assertEquals(admin.get("/api/v1/admin/audit/verify").expect(200).object().getBoolean("intact"),
                !browser.findElements(By.id("search:verdict")).isEmpty());
    }

    @Test
    void aBreakOfTheAuditChainShowsOnEveryPageAndIsAcknowledgedOnTheAuditPage() throws SQLException {
        admin.post("/api/v1/tasks", "{\"title\":\"Broken in the portal\",\"prompt\":\"Alter my record\"}").expect(201);
        long altered = admin.get("/api/v1/admin/audit?limit=1&actor=admin&action=task.create").json().asJsonArray()
                .getJsonObject(0).getJsonNumber("id").longValue();
        try (AuditDatabase db = AuditDatabase.open()) {
            db.setActor(altered, "mallory");
            try {
                admin.get("/api/v1/admin/audit/verify").expect(200);
                HeadlessBrowser.signIn(browser, "/dashboard.xhtml", "admin", HelixClient.ADMIN_PASSWORD);
                assertTrue(browser.findElement(By.id("chain-broken")).getText().contains("broken at record " + altered));

                browser.get(HelixClient.BASE + "/admin/audit.xhtml");
                assertTrue(browser.findElement(By.id("search:broken")).getText().contains("Broken"));
                browser.findElement(By.id("search:reason")).sendKeys("Altered by hand in a test; the actor was admin");
                browser.findElement(By.xpath("//tr[td[1][normalize-space()='" + altered + "']]//button[contains(@id,'acknowledge')]"))
                        .click();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("search:messages"), "acknowledged"));
                assertTrue(browser.findElement(By.xpath("//tr[td[1][normalize-space()='" + altered + "']]")).getText()
                        .contains("in record"), "the break stays on the page, marked acknowledged");
                JsonObject marked = admin.get("/api/v1/admin/audit/verify").expect(200).object().getJsonArray("breaks")
                        .getValuesAs(JsonObject.class).stream().filter(b -> b.getJsonNumber("recordId").longValue() == altered)
                        .findFirst().orElseThrow();
                assertTrue(marked.containsKey("acknowledgedBy"), marked::toString);
            } finally {
                db.setActor(altered, "admin");
            }
        }
    }

    @Test
    void aPageNeedsItsPermissionAndTheHeaderOffersOnlyWhatTheUserMayOpen() {
        HelixClient viewer = HelixClient.user("portal-viewer", "viewer");
        for (String page : List.of("/admin/users.xhtml", "/admin/aud%69t.xhtml", "/admin/audit.xhtml;x=1")) {
            assertEquals(403, viewer.get(page).status(), page); // however the address is spelled
        }
        HeadlessBrowser.signIn(browser, "/dashboard.xhtml", "portal-viewer", "portal-viewer-password-123");
        assertTrue(browser.findElements(By.id("nav-users")).isEmpty());
        assertFalse(browser.findElements(By.id("nav-keys")).isEmpty());
        browser.get(HelixClient.BASE + "/admin/roles.xhtml");
        assertTrue(browser.findElement(By.id("reason")).getText().contains("role:manage"));
    }

    /** Ticks the check box labelled {@code label} in a PrimeFaces check box group. */
    private void tick(String group, String label) {
        browser.findElement(By.xpath("//*[@id='" + group + "']//label[normalize-space()='" + label + "']")).click();
    }

    /** Picks a value in a PrimeFaces select menu through the native select it keeps in step. */
    private void choose(String menu, String value) {
        ((JavascriptExecutor) browser).executeScript(
                "document.getElementById(arguments[0]).value = arguments[1];", menu + "_input", value);
    }

    private List<String> developerPermissions() {
        return admin.get("/api/v1/admin/roles").expect(200).json().asJsonArray().getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getString("role").equals("developer")).findFirst().map(r -> strings(r, "permissions"))
                .orElseThrow();
    }

    private static String jsonArray(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").collect(java.util.stream.Collectors.joining(",", "[", "]"));
    }

    private static List<String> strings(JsonObject object, String name) {
        return object.getJsonArray(name).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }
}
