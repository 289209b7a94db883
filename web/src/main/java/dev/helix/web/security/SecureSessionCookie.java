package dev.helix.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Objects;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The session cookie marked {@code Secure} on every request that came over HTTPS, so that a browser never sends it
 * over plain HTTP (where Liberty's {@code httpSession cookieSecure} is one setting for both). Liberty sets its cookie
 * when a session starts or changes its id; this sets it again, same name, value and attributes, with {@code Secure},
 * and the HTTP channel ({@code DoNotAllowDuplicateSetCookies} in {@code server.xml}) sends only the last one.
 * Liberty's value is the cache id of an in-memory session ({@code 0000}), the session id and the server's clone id,
 * which {@code server.xml} sets from {@code helix.session.clone-id} so that it is known here.
 */
@ApplicationScoped
public class SecureSessionCookie {

    private static final String IN_MEMORY_CACHE_ID = "0000";
    /** Request attribute: the session id whose cookie this request already carries back. */
    private static final String ISSUED = SecureSessionCookie.class.getName() + ".issued";

    @Inject
    @ConfigProperty(name = "helix.session.clone-id", defaultValue = "helix")
    String cloneId;

    /**
     * Sets the cookie of the request's session again with {@code Secure} when the request came over HTTPS and this
     * answer does not carry it yet. For a session that started or changed its id in this request.
     */
    void issue(HttpServletRequest request, HttpSession session, HttpServletResponse response) {
        if (!request.isSecure() || response.isCommitted()
                || session.getId().equals(request.getAttribute(ISSUED))) {
            return;
        }
        SessionCookieConfig config = request.getServletContext().getSessionCookieConfig();
        Cookie cookie = new Cookie(Objects.requireNonNullElse(config.getName(), "JSESSIONID"),
                IN_MEMORY_CACHE_ID + session.getId() + ":" + cloneId);
        cookie.setPath(Objects.requireNonNullElse(config.getPath(), "/"));
        cookie.setHttpOnly(config.isHttpOnly());
        cookie.setMaxAge(config.getMaxAge());
        config.getAttributes().forEach((name, value) -> {
            if (cookie.getAttribute(name) == null) {
                cookie.setAttribute(name, value);
            }
        });
        cookie.setSecure(true);
        response.addCookie(cookie);
        request.setAttribute(ISSUED, session.getId());
    }
}
