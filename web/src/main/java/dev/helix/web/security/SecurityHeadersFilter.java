package dev.helix.web.security;

import dev.helix.web.api.problems.Problems;
import dev.helix.web.errors.ErrorPages;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * Security headers on every answer of the portal and the API: a Content Security Policy
 * ({@link ContentSecurityPolicy}: the API's for the API, the portal's for everything else), no framing, no MIME
 * sniffing, same-origin referrers, and HSTS when the request came over HTTPS.
 * <p>
 * A Faces page gets the portal's policy with its own nonce: PrimeFaces ({@code primefaces.CSP} in {@code web.xml})
 * adds that policy as a second header while it renders the page. Browsers enforce every policy they get, so the
 * nonce'd one replaces the one set here rather than joining it (which would refuse the page's inline scripts). Error
 * pages are Faces pages too: the filter also runs on error dispatches.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true, dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR})
public class SecurityHeadersFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final String CSP = "Content-Security-Policy";

    @Inject
    ContentSecurityPolicy policy;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean api = Problems.isApi(request, ErrorPages.requestedUri(request));
        apply(request, response, api ? policy.getApi() : policy.getPortal());
        chain.doFilter(request, api ? response : new OnePolicy(response));
    }

    /**
     * Sets the headers every answer carries, with {@code contentSecurityPolicy}. The authentication mechanism calls
     * it too: its refusals are written before any filter runs.
     */
    static void apply(HttpServletRequest request, HttpServletResponse response, String contentSecurityPolicy) {
        response.setHeader(CSP, contentSecurityPolicy);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
    }

    /** A response whose Content Security Policy, once added again, replaces the one it had. */
    private static final class OnePolicy extends HttpServletResponseWrapper {

        OnePolicy(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void addHeader(String name, String value) {
            if (CSP.equalsIgnoreCase(name)) {
                setHeader(name, value);
            } else {
                super.addHeader(name, value);
            }
        }
    }
}
