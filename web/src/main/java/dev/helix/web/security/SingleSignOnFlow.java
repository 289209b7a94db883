package dev.helix.web.security;

import dev.helix.audit.model.AuditEntry;
import dev.helix.audit.model.Outcome;
import dev.helix.audit.service.AuditTrail;
import dev.helix.identity.model.User;
import dev.helix.identity.service.UserDirectory;
import dev.helix.shared.error.DomainException;
import dev.helix.sso.model.FederatedIdentity;
import dev.helix.sso.model.PendingSignIn;
import dev.helix.sso.model.SsoSession;
import dev.helix.sso.service.OpenIdProvider;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The portal's sign-in through single sign-on (OpenID Connect authorization code flow): {@code /sso/login} sends
 * the browser to the identity provider; {@code /sso/callback} takes its answer, signs the user in to a fresh
 * session and goes on to the page they wanted. A refusal goes back to the sign-in page with the reason.
 */
@ApplicationScoped
public class SingleSignOnFlow {

    static final String LOGIN = "/sso/login";
    static final String CALLBACK = "/sso/callback";
    private static final String PENDING = "helix.sso.pending";
    /** Session attribute: the ID token of a single sign-on session, to end it at the identity provider too. */
    public static final String ID_TOKEN = "helix.sso.id-token";
    /** Session attribute: why the last single sign-on failed, for the sign-in page to show once. */
    public static final String ERROR = "helix.sso.error";

    @Inject
    OpenIdProvider provider;

    @Inject
    UserDirectory users;

    @Inject
    AuditTrail trail;

    boolean handles(String path) {
        return (LOGIN.equals(path) || CALLBACK.equals(path)) && provider.enabled();
    }

    AuthenticationStatus handle(String path, HttpServletRequest request, HttpMessageContext context) {
        try {
            return LOGIN.equals(path) ? begin(request, context) : complete(request, context);
        } catch (DomainException e) {
            return refused("(single sign-on)", e.getMessage(), request, context);
        }
    }

    /**
     * Why this identity may not sign in (no Helix role in the realm, or disabled in Helix); empty when it may. Its
     * account is brought in step with the realm either way (created on first sign-in, roles as the realm has them).
     */
    Optional<String> refusal(FederatedIdentity identity) {
        Optional<User> account = account(identity);
        if (identity.roles().isEmpty()) {
            return Optional.of("'" + identity.username() + "' has no Helix role in the realm: ask for one of "
                    + provider.configuration().realmRoles().mapping().values());
        }
        return account.isPresent() ? Optional.empty()
                : Optional.of("'" + identity.username() + "' is disabled in Helix: ask a Helix administrator");
    }

    private Optional<User> account(FederatedIdentity identity) {
        try {
            return users.signedInThroughSso(identity.username(), identity.roles());
        } catch (EJBException raced) {
            // Two first sign-ins of the same person at once: the other one created the account.
            return users.signedInThroughSso(identity.username(), identity.roles());
        }
    }

    private AuthenticationStatus begin(HttpServletRequest request, HttpMessageContext context) {
        URI callback = URI.create(request.getRequestURL().toString()).resolve(request.getContextPath() + CALLBACK);
        PendingSignIn pending = provider.beginSignIn(callback, request.getParameter("next"));
        request.getSession(true).setAttribute(PENDING, pending);
        return context.redirect(pending.authorizationUri().toString());
    }

    private AuthenticationStatus complete(HttpServletRequest request, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        PendingSignIn pending = session == null ? null : (PendingSignIn) session.getAttribute(PENDING);
        String state = request.getParameter("state");
        if (pending == null || state == null || !MessageDigest.isEqual(pending.state().getBytes(StandardCharsets.UTF_8),
                state.getBytes(StandardCharsets.UTF_8))) {
            return refused("(single sign-on)", "this sign-in was not started in this browser, or was already used: "
                    + "start again", request, context);
        }
        session.removeAttribute(PENDING);
        if (request.getParameter("error") != null) {
            String description = request.getParameter("error_description");
            return refused("(single sign-on)", "the identity provider did not sign you in: " + request.getParameter("error")
                    + (description == null ? "" : " (" + description + ")"), request, context);
        }
        String code = request.getParameter("code");
        if (code == null || code.isBlank()) {
            return refused("(single sign-on)", "the identity provider's answer carries no authorization code: start again",
                    request, context);
        }
        SsoSession signedIn = provider.completeSignIn(pending, code);
        String username = signedIn.identity().username();
        Optional<String> refusal = refusal(signedIn.identity());
        if (refusal.isPresent()) {
            return refused(username, refusal.get(), request, context);
        }
        request.changeSessionId();
        session.setAttribute(HelixAuthenticationMechanism.SESSION_USER, username);
        session.setAttribute(ID_TOKEN, signedIn.idToken());
        trail.recordSeparately(new AuditEntry(username, "auth.sign-in", request.getRequestURI(), request.getRemoteAddr(),
                Outcome.SUCCESS, "portal (single sign-on)", null, null));
        return context.redirect(request.getContextPath() + LandingPage.after(pending.next()));
    }

    private AuthenticationStatus refused(String user, String reason, HttpServletRequest request, HttpMessageContext context) {
        trail.recordSeparately(new AuditEntry(user, "auth.sign-in", request.getRequestURI(), request.getRemoteAddr(),
                Outcome.DENIED, "single sign-on refused: " + reason, null, null));
        request.getSession(true).setAttribute(ERROR, reason);
        return context.redirect(request.getContextPath() + "/login.xhtml");
    }
}
