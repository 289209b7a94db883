package dev.helix.web.security;

import dev.helix.sso.service.OpenIdProvider;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Security headers on every answer of the portal and the API: a Content Security Policy that loads and connects
 * only to Helix's own origin (the push stream's ws/wss included; PrimeFaces needs inline scripts, eval and inline
 * styles, so those are allowed), no framing,
 * no MIME sniffing, same-origin referrers, and HSTS when the request came over HTTPS. With single sign-on on,
 * forms may also lead to the identity provider (signing out ends its session there too).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecurityHeadersFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final String POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
            + "frame-ancestors 'none'; base-uri 'self'; object-src 'none'; form-action 'self'";

    @Inject
    OpenIdProvider sso;

    private volatile String policy;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Content-Security-Policy", policy());
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
        chain.doFilter(request, response);
    }

    private String policy() {
        if (policy == null) {
            policy = sso.configuration().issuer()
                    .map(issuer -> POLICY + " " + issuer.getScheme() + "://" + issuer.getAuthority()).orElse(POLICY);
        }
        return policy;
    }
}
