package dev.helix.web.errors;

import dev.helix.web.api.problems.Problems;
import dev.helix.web.gateway.GatewayErrors;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one error page of the application ({@code web.xml}): every error the container answers itself (an address it
 * refuses, a header the REST runtime cannot read, a status sent with {@code sendError}, an exception nobody caught)
 * ends here. API paths get a problem+json, worded from the status alone, the gateway's an error in OpenAI's shape; the
 * portal gets its own page. Neither ever
 * shows the container's page, which names its classes and messages. The API's answer touches no session, so a
 * request carrying another user's session cookie still gets it.
 */
@WebServlet(name = "ErrorPages", urlPatterns = ErrorPages.PATH)
public class ErrorPages extends HttpServlet {

    /** Where {@code web.xml} sends errors. */
    public static final String PATH = "/error";

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ErrorPages.class.getName());
    private static final Set<String> PORTAL_METHODS = Set.of("GET", "HEAD", "POST");

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        // Asked for by address rather than reached by an error: there is nothing to see here.
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 404;
        String uri = requestedUri(request);
        if (response.isCommitted()) {
            return; // the answer is on its way already; nothing can replace it
        }
        response.resetBuffer();
        // An exception nobody caught is logged for the operators, with an id the API's answer quotes.
        String incident = status >= 500 && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable error
                ? Problems.incident(LOG, uri, error) : null;
        if (GatewayErrors.isGateway(request, uri)) {
            GatewayErrors.write(response, status, incident != null ? incident : Problems.title(status));
        } else if (!Problems.isApi(request, uri)) {
            portalPage(request, response, status);
        } else if (incident != null) {
            Problems.write(response, status, "internal-error", "Internal error", incident);
        } else {
            Problems.write(response, status);
        }
    }

    /** The address the client asked for: on an error dispatch, the one whose request failed, not this page's. */
    public static String requestedUri(HttpServletRequest request) {
        return request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String failed
                ? failed : request.getRequestURI();
    }

    /**
     * The portal's page for the status; a plain one where the portal cannot render it: for a method it does not
     * serve (e.g. TRACE), or a session that is not the caller's.
     */
    private static void portalPage(HttpServletRequest request, HttpServletResponse response, int status)
            throws IOException {
        response.setStatus(status);
        if (PORTAL_METHODS.contains(request.getMethod())) {
            try {
                request.getRequestDispatcher(status == 404 ? "/WEB-INF/errors/not-found.xhtml" : "/WEB-INF/errors/error.xhtml")
                        .forward(request, response);
                return;
            } catch (ServletException | RuntimeException e) {
                LOG.log(Level.FINE, "The portal's error page could not be rendered; a plain one answers", e);
                response.resetBuffer();
                response.setStatus(status);
            }
        }
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><title>Helix: something went wrong</title>"
                + "</head><body><h1>Something went wrong</h1><p>The page could not be shown.</p><p><a href=\""
                + request.getContextPath() + "/dashboard.xhtml\">Back to the fleet dashboard</a></p></body></html>");
    }
}
