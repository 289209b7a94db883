package dev.helix.web.security;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * On HTTPS, a session that a page or the API starts, or whose id changes (signing in), gets its cookie marked
 * {@code Secure} ({@link SecureSessionCookie}) at that moment, while the answer can still take a header.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecureSessionCookieFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    SecureSessionCookie cookie;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(request.isSecure() ? new SessionFollowingRequest(request, response) : request, response);
    }

    /** A request whose new sessions and changed session ids have their cookie set again with {@code Secure}. */
    private final class SessionFollowingRequest extends HttpServletRequestWrapper {

        private final HttpServletResponse response;

        SessionFollowingRequest(HttpServletRequest request, HttpServletResponse response) {
            super(request);
            this.response = response;
        }

        @Override
        public HttpSession getSession(boolean create) {
            HttpSession session = super.getSession(create);
            if (session != null && session.isNew()) {
                cookie.issue(this, session, response);
            }
            return session;
        }

        @Override
        public HttpSession getSession() {
            return getSession(true);
        }

        @Override
        public String changeSessionId() {
            String id = super.changeSessionId();
            cookie.issue(this, super.getSession(false), response);
            return id;
        }
    }
}
