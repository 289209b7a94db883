package dev.helix.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The portal's defences as a browser meets them: security headers, session cookie flags, forged form posts. */
@ExtendWith(ArquillianExtension.class)
class PortalSecurityIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.helixEar();
    }

    @Test
    void aRefusedApiRequestCarriesTheSecurityHeadersToo() throws Exception {
        HttpResponse<String> refused = PortalVisitor.overHttp().get("/api/v1/me");
        assertEquals(401, refused.statusCode());
        assertEquals(List.of("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"),
                refused.headers().allValues("Content-Security-Policy"), refused.headers().toString());
        assertEquals("DENY", refused.headers().firstValue("X-Frame-Options").orElse(""));
        assertEquals("nosniff", refused.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertEquals("same-origin", refused.headers().firstValue("Referrer-Policy").orElse(""));
    }

    @Test
    void pagesCarrySecurityHeadersAndTheSessionCookieIsHttpOnlyAndSameSite() throws Exception {
        HttpResponse<String> login = PortalVisitor.overHttp().get("/login.xhtml");
        assertEquals(200, login.statusCode());
        assertEquals(1, login.headers().allValues("Content-Security-Policy").size(), login.headers().toString());
        String policy = login.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(policy.contains("default-src 'self'") && policy.contains("frame-ancestors 'none'")
                && policy.contains("script-src 'self' 'nonce-") && !policy.contains("unsafe-eval"), policy);
        assertEquals("DENY", login.headers().firstValue("X-Frame-Options").orElse(""));
        assertEquals("nosniff", login.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertTrue(login.headers().firstValue("Strict-Transport-Security").isEmpty(), "no HSTS over plain HTTP");
        String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID"))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie: " + login.headers()));
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), cookie);

        HttpResponse<String> secure = ServerTrust.httpClient().send(HttpRequest.newBuilder(
                URI.create(HelixClient.SECURE_BASE + "/login.xhtml")).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(secure.headers().firstValue("Strict-Transport-Security").orElse("").startsWith("max-age="),
                secure.headers().toString());
    }

    @Test
    void aFormPostWithoutThePagesViewStateChangesNothing() throws Exception {
        PortalVisitor browser = PortalVisitor.overHttp();
        browser.signIn();
        HttpResponse<String> dashboard = browser.get("/dashboard.xhtml");
        String realState = PortalVisitor.viewState(dashboard.body());
        String nonce = PortalVisitor.nonce(dashboard);

        String forgedTitle = "Forged " + System.nanoTime();
        HttpResponse<String> forged = browser.post("/dashboard.xhtml", createForm(forgedTitle, "-4242:-4242", nonce));
        assertFalse(HelixClient.admin().get("/api/v1/tasks?limit=50").body().contains(forgedTitle),
                "a post with a forged ViewState created a task; answered " + forged.statusCode());

        String realTitle = "Genuine " + System.nanoTime();
        browser.post("/dashboard.xhtml", createForm(realTitle, realState, nonce));
        assertTrue(HelixClient.admin().get("/api/v1/tasks?limit=50").body().contains(realTitle),
                "the same post with the page's own ViewState must work, or the check above proves nothing");
    }

    /** The dashboard's form to create a task, as a browser posts it: with the page's ViewState and CSP nonce. */
    private static Map<String, String> createForm(String title, String viewState, String nonce) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("create_SUBMIT", "1");
        form.put("create:title", title);
        form.put("create:prompt", "Posted by a script");
        form.put("create:priority_input", "MEDIUM");
        form.put("create:submit", "create:submit");
        form.put("jakarta.faces.ViewState", viewState);
        form.put("primefaces.nonce", nonce);
        return form;
    }
}
