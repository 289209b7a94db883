package dev.helix.web.security;

import dev.helix.sso.service.OpenIdProvider;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Helix's Content Security Policies: the portal's and the API's.
 * <p>
 * The portal's loads everything from Helix's own origin only (for connections that includes the fleet stream's
 * ws/wss), runs no script but the files Helix serves and the inline scripts PrimeFaces marks with the page's nonce
 * (no {@code 'unsafe-inline'}, no {@code 'unsafe-eval'}: PrimeFaces evaluates the scripts of AJAX answers as
 * nonce'd script elements), allows no plugins, no framing, no other base URL, and forms only to Helix and, with
 * single sign-on on, to the identity provider ("Sign out" goes there). Inline styles stay allowed: PrimeFaces
 * writes {@code style} attributes, in the markup it renders and in the markup its widgets insert, and styles cannot
 * run code (docs/decisions/0019 has the measurement). Its script directive comes last, so that PrimeFaces, given
 * this policy as {@code primefaces.CSP_POLICY} ({@code web.xml}), adds each page's nonce to it.
 * <p>
 * The API's answers are data, never documents: they may load nothing, be framed nowhere, post nowhere.
 */
@Named
@ApplicationScoped
public class ContentSecurityPolicy {

    private static final String PORTAL = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            + "font-src 'self' data:; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; "
            + "form-action 'self'";
    private static final String SCRIPTS = "script-src 'self'";
    static final String API = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    @Inject
    OpenIdProvider sso;

    private String portal;

    @PostConstruct
    void compose() {
        String identityProvider = sso.configuration().issuer()
                .map(issuer -> " " + issuer.getScheme() + "://" + issuer.getAuthority()).orElse("");
        portal = PORTAL + identityProvider + "; " + SCRIPTS;
    }

    /** The portal's policy, without a nonce: as it is, it allows Helix's script files only. */
    public String getPortal() {
        return portal;
    }

    /** The API's policy. */
    public String getApi() {
        return API;
    }
}
