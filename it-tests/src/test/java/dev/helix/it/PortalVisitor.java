package dev.helix.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/**
 * The portal as a browser without JavaScript meets it, over HTTP or HTTPS: it keeps the cookies it is given, reads
 * pages and posts their forms, as a person (or a forger) would.
 */
final class PortalVisitor {

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern NONCE = Pattern.compile("'nonce-([^']+)'");

    private final String base;
    private final HttpClient client;

    private PortalVisitor(String base, HttpClient client) {
        this.base = base;
        this.client = client;
    }

    private PortalVisitor(String base, HttpClient.Builder client) {
        this(base, client.version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager()).build());
    }

    /** A visitor over plain HTTP. */
    static PortalVisitor overHttp() {
        return overHttp(HelixClient.BASE);
    }

    /** A visitor over plain HTTP to the server at this base URL. */
    static PortalVisitor overHttp(String base) {
        return new PortalVisitor(base, HttpClient.newBuilder());
    }

    /** The same browser, with the same cookies, visiting another server of the same host name. */
    PortalVisitor at(String otherBase) {
        return new PortalVisitor(otherBase, client);
    }

    /** A visitor over HTTPS, trusting the test server's certificate. */
    static PortalVisitor overHttps() {
        return new PortalVisitor(HelixClient.SECURE_BASE, ServerTrust.httpClientBuilder());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return client.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Signs in as the administrator on the sign-in page; returns the answer to the sign-in (a redirect). */
    HttpResponse<String> signIn() throws IOException, InterruptedException {
        HttpResponse<String> signedIn = post("/login.xhtml", signInForm(get("/login.xhtml").body()));
        assertEquals(302, signedIn.statusCode(), signedIn.body());
        return signedIn;
    }

    /** The sign-in page's form filled in with the administrator's name and password. */
    static Map<String, String> signInForm(String loginPage) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("login_SUBMIT", "1");
        form.put("login:username", "admin");
        form.put("login:password", HelixClient.ADMIN_PASSWORD);
        form.put("login:submit", "");
        form.put("jakarta.faces.ViewState", viewState(loginPage));
        return form;
    }

    /** The nonce in a page's Content Security Policy, which a browser posts back with the page's forms. */
    static String nonce(HttpResponse<String> page) {
        Matcher matcher = NONCE.matcher(page.headers().firstValue("Content-Security-Policy").orElse(""));
        assertTrue(matcher.find(), "no nonce in the page's policy");
        return matcher.group(1);
    }

    /** The ViewState of a page's form. */
    static String viewState(String page) {
        Matcher matcher = VIEW_STATE.matcher(page);
        assertTrue(matcher.find(), "no ViewState in the page");
        return matcher.group(1);
    }
}
