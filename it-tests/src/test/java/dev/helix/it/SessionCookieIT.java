package dev.helix.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The portal's session cookie is {@code Secure} whenever the page was asked for over HTTPS, from the sign-in page
 * through signing in (which gives the session a new id) to the pages after, and the session it names works; over
 * plain HTTP it carries no {@code Secure}, which would make a browser drop it.
 */
@ExtendWith(ArquillianExtension.class)
class SessionCookieIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.helixEar();
    }

    @Test
    void overHttpsTheSessionCookieIsSecureBeforeAndAfterSigningIn() throws Exception {
        PortalVisitor browser = PortalVisitor.overHttps();
        String first = sessionCookie(browser.get("/login.xhtml"));
        assertTrue(first.contains("; Secure") && first.contains("HttpOnly") && first.contains("SameSite=Lax"), first);

        String renewed = sessionCookie(browser.signIn());
        assertTrue(renewed.contains("; Secure") && renewed.contains("HttpOnly"), renewed);
        assertFalse(value(renewed).equals(value(first)), "signing in gives the session a new id");

        HttpResponse<String> dashboard = browser.get("/dashboard.xhtml");
        assertEquals(200, dashboard.statusCode(), "the renewed cookie names the signed-in session");
        assertTrue(dashboard.body().contains("Sign out"), "signed in on the dashboard");
    }

    @Test
    void overPlainHttpTheSessionCookieIsNotMarkedSecure() throws Exception {
        PortalVisitor browser = PortalVisitor.overHttp();
        assertFalse(sessionCookie(browser.get("/login.xhtml")).contains("Secure"));
        assertFalse(sessionCookie(browser.signIn()).contains("Secure"));
        assertEquals(200, browser.get("/dashboard.xhtml").statusCode());
    }

    /** The answer's one session cookie (two of one name would leave the browser to choose). */
    private static String sessionCookie(HttpResponse<String> answer) {
        List<String> cookies = answer.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID=")).toList();
        assertEquals(1, cookies.size(), "one session cookie: " + answer.headers().map());
        return cookies.get(0);
    }

    private static String value(String cookie) {
        return cookie.substring("JSESSIONID=".length(), cookie.indexOf(';'));
    }
}
