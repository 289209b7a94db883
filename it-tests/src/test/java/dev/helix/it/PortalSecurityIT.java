package dev.helix.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The portal's defences as a browser meets them: security headers, session cookie flags, forged form posts. */
@ExtendWith(ArquillianExtension.class)
class PortalSecurityIT {

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.helixEar();
    }

    @Test
    void pagesCarrySecurityHeadersAndTheSessionCookieIsHttpOnlyAndSameSite() throws Exception {
        HttpResponse<String> login = browser().send(HttpRequest.newBuilder(URI.create(HelixClient.BASE + "/login.xhtml"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, login.statusCode());
        String policy = login.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(policy.contains("default-src 'self'") && policy.contains("frame-ancestors 'none'"), policy);
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
        HttpClient browser = browser();
        signIn(browser);
        String dashboard = get(browser, "/dashboard.xhtml").body();
        String realState = viewState(dashboard);

        String forgedTitle = "Forged " + System.nanoTime();
        HttpResponse<String> forged = post(browser, "/dashboard.xhtml", createForm(forgedTitle, "-4242:-4242"));
        assertFalse(HelixClient.admin().get("/api/v1/tasks?limit=50").body().contains(forgedTitle),
                "a post with a forged ViewState created a task; answered " + forged.statusCode());

        String realTitle = "Genuine " + System.nanoTime();
        post(browser, "/dashboard.xhtml", createForm(realTitle, realState));
        assertTrue(HelixClient.admin().get("/api/v1/tasks?limit=50").body().contains(realTitle),
                "the same post with the page's own ViewState must work, or the check above proves nothing");
    }

    private static Map<String, String> createForm(String title, String viewState) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("create_SUBMIT", "1");
        form.put("create:title", title);
        form.put("create:prompt", "Posted by a script");
        form.put("create:priority_input", "MEDIUM");
        form.put("create:submit", "create:submit");
        form.put("jakarta.faces.ViewState", viewState);
        return form;
    }

    private static void signIn(HttpClient browser) throws IOException, InterruptedException {
        String page = get(browser, "/login.xhtml").body();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("login_SUBMIT", "1");
        form.put("login:username", "admin");
        form.put("login:password", HelixClient.ADMIN_PASSWORD);
        form.put("login:submit", "");
        form.put("jakarta.faces.ViewState", viewState(page));
        HttpResponse<String> signedIn = post(browser, "/login.xhtml", form);
        assertEquals(302, signedIn.statusCode(), signedIn.body());
    }

    private static HttpClient browser() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager()).build();
    }

    private static HttpResponse<String> get(HttpClient browser, String path) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(URI.create(HelixClient.BASE + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(HttpClient browser, String path, Map<String, String> form)
            throws IOException, InterruptedException {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return browser.send(HttpRequest.newBuilder(URI.create(HelixClient.BASE + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String viewState(String page) {
        Matcher matcher = VIEW_STATE.matcher(page);
        assertTrue(matcher.find(), "no ViewState in the page");
        return matcher.group(1);
    }
}
