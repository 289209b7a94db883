package dev.helix.web.portal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * What an AJAX request hears once its session has ended. The browser follows the sign-in redirect of a portal page's
 * AJAX request as a GET, AJAX header and all; the sign-in page answers it with a Faces partial response holding the
 * error {@value #SESSION_ENDED}, which the page shows (helix/portal.js), rather than with itself as an update that
 * changes nothing. It answers before Faces: PrimeFaces' CSP mode refuses to render for an AJAX request that carries
 * no page nonce, and a followed redirect carries none.
 */
@WebFilter(urlPatterns = "/login.xhtml", asyncSupported = true)
public class SessionEndedAnswer extends HttpFilter {

    private static final long serialVersionUID = 1L;
    /** The error an AJAX request gets when its session has ended. */
    private static final String SESSION_ENDED = "helix.session-ended";
    private static final String ANSWER = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><error>"
            + "<error-name>" + SESSION_ENDED + "</error-name>"
            + "<error-message><![CDATA[The session has ended: sign in again]]></error-message></error></partial-response>";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!"GET".equals(request.getMethod()) || !"partial/ajax".equals(request.getHeader("Faces-Request"))) {
            chain.doFilter(request, response);
            return;
        }
        response.setContentType("text/xml;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(ANSWER);
    }
}
