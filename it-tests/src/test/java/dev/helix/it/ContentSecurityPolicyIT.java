package dev.helix.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The Content Security Policy as the server sends it and as a browser enforces it: a portal page allows Helix's
 * script files and its own inline scripts by a nonce of its own, nothing else (no eval, no inline script or handler
 * without the nonce); the API's answers allow nothing at all.
 */
@ExtendWith(ArquillianExtension.class)
class ContentSecurityPolicyIT extends BrowserTest {

    private static final Pattern NONCE = Pattern.compile("'nonce-([A-Za-z0-9+/=]+)'");
    private static final Pattern SCRIPT = Pattern.compile("<script\\b[^>]*>");
    private static final Pattern INLINE_HANDLER = Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
    private static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private final HelixClient admin = HelixClient.admin();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.helixEar();
    }

    @Test
    void aPortalPageRunsOnlyScriptsThatCarryItsOwnNonce() {
        HelixClient.Answer page = html("/dashboard.xhtml").expect(200);
        String policy = onlyPolicy(page);
        String scripts = directive(policy, "script-src");
        assertFalse(policy.contains("unsafe-eval"), policy);
        assertFalse(scripts.contains("unsafe-inline") || scripts.contains("strict-dynamic"), policy);
        String nonce = nonce(scripts);
        assertTrue(scripts.matches("script-src 'self' 'nonce-[^']+'"), policy);
        assertEquals("default-src 'self'", directive(policy, "default-src"), policy);
        assertEquals("connect-src 'self'", directive(policy, "connect-src"), policy);
        assertEquals("frame-ancestors 'none'", directive(policy, "frame-ancestors"), policy);
        assertEquals("object-src 'none'", directive(policy, "object-src"), policy);
        assertEquals("form-action 'self' http://localhost:18180", directive(policy, "form-action"),
                "forms to Helix, and to the single sign-on issuer: " + policy);

        List<String> tags = scriptTags(page.body());
        assertTrue(tags.size() > 3, "PrimeFaces' scripts and the page's own: " + tags);
        for (String tag : tags) {
            assertTrue(tag.contains(" nonce=\"" + nonce + "\""), tag);
        }
        Matcher handler = INLINE_HANDLER.matcher(page.body());
        assertFalse(handler.find(), () -> "an inline event handler: " + page.body().substring(handler.start(),
                Math.min(page.body().length(), handler.start() + 120)));

        assertNotEquals(nonce, nonce(directive(onlyPolicy(html("/dashboard.xhtml").expect(200)), "script-src")),
                "each page gets a nonce of its own");
    }

    @Test
    void theBrowserRunsNoInjectedScriptWithoutTheNonce() {
        HeadlessBrowser.signIn(browser, "/dashboard.xhtml", "admin", HelixClient.ADMIN_PASSWORD);
        script("var injected = document.createElement('script');"
                + "injected.textContent = 'window.pwned = 1;';"
                + "document.body.appendChild(injected);"
                + "var markup = document.createElement('div');"
                + "markup.innerHTML = '<img src=\"data:,\" onerror=\"window.pwnedByHandler = 1\">';"
                + "document.body.appendChild(markup);");
        // The same script with the page's nonce runs: it is the nonce, not scripting as such, that the policy asks
        // for. It tries an eval, later, in a task of the page's own (the test's call itself may evaluate strings).
        script("var allowed = document.createElement('script');"
                + "allowed.nonce = PrimeFaces.csp.NONCE_VALUE;"
                + "allowed.textContent = 'window.allowed = 1; setTimeout(function () {"
                + " try { eval(\"window.pwnedByEval = 1\"); } catch (refused) { window.evalRefused = refused.name; } }, 0);';"
                + "document.body.appendChild(allowed);");
        // The browser reports each refusal (which is what fails every browser test that meets one).
        List<String> violations = new ArrayList<>();
        wait.withMessage(() -> "reported: " + violations).until(d -> {
            violations.addAll(HeadlessBrowser.policyViolations(browser));
            return Stream.of("script-src-elem refused inline", "script-src-attr refused inline", "script-src refused eval")
                    .allMatch(refusal -> violations.stream().anyMatch(v -> v.contains(refusal)));
        });
        assertNull(script("return window.pwned"), "an inline script without the nonce ran");
        assertNull(script("return window.pwnedByHandler"), "an inline event handler ran");
        assertNull(script("return window.pwnedByEval"), "eval ran");
        assertEquals("EvalError", script("return window.evalRefused"));
        assertEquals(1L, script("return window.allowed"));
    }

    @Test
    void theApiAndOtherAnswersCarryOneStrictPolicy() {
        assertEquals(API_POLICY, onlyPolicy(admin.get("/api/v1/tasks").expect(200)));
        assertEquals(API_POLICY, onlyPolicy(admin.get("/api/v1/no-such-thing").expect(404)), "an API error too");

        // A page that is no Faces page allows Helix's script files only.
        String plain = onlyPolicy(html("/index.html").expect(200));
        assertTrue(plain.endsWith("script-src 'self'") && plain.contains("default-src 'self'"), plain);

        // The portal's error pages are Faces pages: one policy, with their own nonce.
        HelixClient.Answer missing = html("/no-such-page.xhtml").expect(404);
        String nonce = nonce(directive(onlyPolicy(missing), "script-src"));
        scriptTags(missing.body()).forEach(tag -> assertTrue(tag.contains(" nonce=\"" + nonce + "\""), tag));
        HeadlessBrowser.signIn(browser, "/dashboard.xhtml", "admin", HelixClient.ADMIN_PASSWORD);
        browser.get(HelixClient.BASE + "/no-such-page.xhtml");
        assertTrue(browser.getTitle().contains("not found"), browser.getTitle());
    }

    private HelixClient.Answer html(String path) {
        return admin.call("GET", path, HttpRequest.BodyPublishers.noBody(), "Accept", "text/html");
    }

    /** The answer's Content Security Policy, which must be its only one: browsers would enforce every one of them. */
    private static String onlyPolicy(HelixClient.Answer answer) {
        List<String> policies = answer.headers().allValues("Content-Security-Policy");
        assertEquals(1, policies.size(), () -> "one Content Security Policy: " + policies);
        return policies.get(0).strip().replaceAll(";$", "");
    }

    private static String directive(String policy, String name) {
        return Pattern.compile(";\\s*").splitAsStream(policy).map(String::strip).filter(d -> d.startsWith(name + " "))
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + " in " + policy));
    }

    private static String nonce(String scripts) {
        Matcher nonce = NONCE.matcher(scripts);
        assertTrue(nonce.find(), () -> "no nonce in " + scripts);
        return nonce.group(1);
    }

    private static List<String> scriptTags(String page) {
        return SCRIPT.matcher(page).results().map(MatchResult::group).toList();
    }

    private Object script(String javascript) {
        return ((JavascriptExecutor) browser).executeScript(javascript);
    }
}
