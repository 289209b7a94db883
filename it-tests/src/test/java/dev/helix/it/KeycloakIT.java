package dev.helix.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Single sign-on against a real Keycloak with an imported realm (users alice: helix-operator; bob, carol:
 * helix-viewer; and an "admin" of the realm who must not become Helix's local admin). The test server points at
 * the realm through {@code helix.oidc.issuer}; the client secret is put into Helix's secret vault here.
 */
@ExtendWith(ArquillianExtension.class)
class KeycloakIT {

    private static KeycloakServer keycloak;
    private final HelixClient admin = HelixClient.admin();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.helixEar();
    }

    @BeforeAll
    static void startKeycloak() {
        keycloak = KeycloakServer.start();
        HelixClient.admin().put("/api/v1/admin/secrets/oidc.client-secret",
                "{\"value\":\"" + KeycloakServer.CLIENT_SECRET + "\"}").expect(200);
    }

    @AfterAll
    static void stopKeycloak() {
        if (keycloak != null) {
            keycloak.close();
        }
    }

    @Test
    void aRealmAccessTokenSignsInWithTheHelixRolesItsRealmRolesStandFor() {
        HelixClient alice = HelixClient.withBearer(keycloak.accessToken("alice", "alice-password-1"));
        JsonObject me = alice.get("/api/v1/me").expect(200).object();
        assertEquals("alice", me.getString("username"));
        assertEquals(List.of("operator"), strings(me, "roles"));
        assertTrue(strings(me, "permissions").contains("task:create"));
        alice.post("/api/v1/tasks", "{\"title\":\"From SSO\",\"prompt\":\"Made with a Keycloak token\",\"justDoIt\":true}")
                .expect(201);

        JsonObject account = admin.get("/api/v1/admin/users/alice").expect(200).object();
        assertEquals("SSO", account.getString("origin"));
        // No Helix password for such an account: HTTP Basic cannot sign in as it, an administrator cannot set one.
        admin.post("/api/v1/admin/users/alice/password", "{\"password\":\"a-helix-password-1\"}").problem(409);
        // Nor API keys: a key would outlive the account's removal from the realm.
        alice.post("/api/v1/me/api-keys", "{\"name\":\"laptop\"}").problem(409);

        HelixClient bob = HelixClient.withBearer(keycloak.accessToken("bob", "bob-password-1"));
        bob.get("/api/v1/tasks").expect(200);
        assertTrue(bob.post("/api/v1/tasks", "{\"title\":\"x\",\"prompt\":\"y\",\"justDoIt\":true}").problem(403)
                .getString("detail").contains("task:create"));
    }

    @Test
    void aTokenThatIsNotTheRealmsOwnIsRefused() {
        String token = keycloak.accessToken("bob", "bob-password-1");
        String[] parts = token.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("helix-viewer", "helix-admin");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        JsonObject refused = HelixClient.withBearer(forged).get("/api/v1/admin/users").problem(401);
        assertTrue(refused.getString("detail").contains("not a valid access token"), refused.toString());
        HelixClient.withBearer("eyJhbGciOiJub25lIn0.eyJzdWIiOiJtYWxsb3J5In0.").get("/api/v1/me").problem(401);

        // The realm's own "admin" is not Helix's local admin: single sign-on never takes over a local account.
        JsonObject impostor = HelixClient.withBearer(keycloak.accessToken("admin", "realm-admin-password-1"))
                .get("/api/v1/me").problem(401);
        assertTrue(impostor.getString("detail").contains("local Helix account"), impostor.toString());
    }

    @Test
    void theRealmDecidesTheRolesAndHelixDecidesWhetherTheAccountMayEnter() {
        admin.post("/api/v1/admin/sso/role-sync", "").expect(200);
        keycloak.grantRealmRole("carol", "helix-developer");
        HelixClient carol = HelixClient.withBearer(keycloak.accessToken("carol", "carol-password-1"));
        assertEquals(List.of("developer", "viewer"), strings(carol.get("/api/v1/me").expect(200).object(), "roles"));
        // Roles come from the realm: Helix refuses to change them itself...
        admin.put("/api/v1/admin/users/carol", "{\"roles\":[\"admin\"]}").problem(409);
        // ...but a Helix administrator can shut the account out.
        admin.put("/api/v1/admin/users/carol", "{\"enabled\":false}").expect(200);
        assertTrue(carol.get("/api/v1/me").problem(401).getString("detail").contains("disabled"));
        admin.put("/api/v1/admin/users/carol", "{\"enabled\":true}").expect(200);
        carol.get("/api/v1/me").expect(200);
    }

    @Test
    void helixRolesAreSynchronisedIntoTheRealm() {
        JsonObject first = admin.post("/api/v1/admin/sso/role-sync", "").expect(200).object();
        assertEquals("helix", first.getString("realm"));
        Map<String, String> realmRoles = keycloak.realmRoles();
        for (String role : List.of("admin", "operator", "developer", "viewer")) {
            assertTrue(realmRoles.get("helix-" + role).startsWith("Helix " + role + ": "), realmRoles.toString());
        }
        assertTrue(realmRoles.get("helix-viewer").contains("task:read"), realmRoles.toString());
        assertFalse(realmRoles.get("helix-viewer").contains("task:create"), realmRoles.toString());

        JsonObject again = admin.post("/api/v1/admin/sso/role-sync", "").expect(200).object();
        assertEquals(List.of(), strings(again, "created"));
        assertEquals(List.of(), strings(again, "updated"));
        assertEquals(4, again.getJsonArray("unchanged").size());
        HelixClient.user("sso-sync-viewer", "viewer").post("/api/v1/admin/sso/role-sync", "").problem(403);
    }

    @Test
    void signingInToThePortalThroughKeycloakAndOutAgain(TestInfo test) throws IOException {
        WebDriver browser = HeadlessBrowser.open();
        try {
            WebDriverWait wait = HeadlessBrowser.patiently(browser);
            browser.get(HelixClient.BASE + "/agents.xhtml");
            wait.until(ExpectedConditions.urlContains("/login.xhtml"));
            browser.findElement(By.id("sso-login")).click();

            wait.until(ExpectedConditions.urlContains("/realms/helix/"));
            browser.findElement(By.id("username")).sendKeys("alice");
            browser.findElement(By.id("password")).sendKeys("alice-password-1");
            browser.findElement(By.id("kc-login")).click();

            wait.until(ExpectedConditions.urlContains("/agents.xhtml"));
            assertEquals("alice", browser.findElement(By.cssSelector("#session span")).getText());

            browser.findElement(By.id("session:logout")).click();
            wait.until(ExpectedConditions.urlContains("/login.xhtml"));
            // Signed out of Keycloak too: single sign-on asks for the password again.
            browser.findElement(By.id("sso-login")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password")));
            assertTrue(browser.getCurrentUrl().contains("/realms/helix/"), browser.getCurrentUrl());
        } finally {
            HeadlessBrowser.finish(browser, test);
        }
    }

    private static List<String> strings(JsonObject object, String name) {
        return object.getJsonArray(name).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }
}
