package dev.helix.web.security;

import dev.helix.audit.model.AuditEntry;
import dev.helix.audit.model.Outcome;
import dev.helix.audit.service.AuditTrail;
import dev.helix.identity.model.ApiKeyIdentity;
import dev.helix.identity.model.ApiKeySecret;
import dev.helix.identity.model.Role;
import dev.helix.identity.model.User;
import dev.helix.identity.service.VerifiedApiKeys;
import dev.helix.identity.service.SecuritySettings;
import dev.helix.identity.service.UserDirectory;
import dev.helix.shared.error.DomainException;
import dev.helix.sso.model.FederatedIdentity;
import dev.helix.sso.model.IdentityProviderUnavailableException;
import dev.helix.sso.model.TokenExpiredException;
import dev.helix.sso.service.OpenIdProvider;
import dev.helix.web.api.problems.Outage;
import dev.helix.web.api.problems.Problems;
import dev.helix.web.gateway.GatewayErrors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * How people and programs sign in. API clients send HTTP Basic credentials, an API key
 * ({@code Authorization: Bearer hx_...} or {@code X-API-Key: hx_...}) or, with single sign-on configured, an access
 * token of the identity provider's realm ({@code Authorization: Bearer eyJ...}) with each request; a missing or
 * wrong one gets a 401 problem. Portal users sign in on the login page, or through the identity provider
 * ({@link SingleSignOnFlow}), and stay signed in through their HTTP session; an anonymous visit to a portal page is
 * sent to the login page.
 */
@ApplicationScoped
public class HelixAuthenticationMechanism implements HttpAuthenticationMechanism {

    private static final Logger LOG = Logger.getLogger(HelixAuthenticationMechanism.class.getName());

    static final String SESSION_USER = "helix.user";
    /** Wrong API keys count towards a lock-out of API keys from that address, like wrong passwords for a user. */
    private static final String ANY_API_KEY = "(any API key)";
    /** Request attribute for the login page: how long a locked-out sign-in must wait. */
    public static final String LOCKED_FOR = "helix.signin.locked-for";
    private static final Duration BUSY = Duration.ofSeconds(1);
    /** The longest Basic credentials read: base64 of a user name and a password far longer than any Helix accepts. */
    private static final int MAX_BASIC = 2048;
    /** The paths whose requests authenticate by their body's signature, not by a signed-in user (see web.xml). */
    private static final List<String> SIGNED_BY_BODY = List.of("/api/v1/hooks/", "/api/v1/chatops/discord",
            "/api/v1/chatops/slack");

    @Inject
    UserDirectory users;

    @Inject
    AuditTrail trail;

    @Inject
    VerifiedApiKeys apiKeys;

    @Inject
    SignInGuard guard;

    @Inject
    PasswordCheck passwords;

    @Inject
    SecuritySettings settings;

    @Inject
    OpenIdProvider sso;

    @Inject
    SingleSignOnFlow singleSignOn;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        AuthenticationStatus status;
        try {
            status = authenticate(request, response, context);
        } catch (RuntimeException e) {
            // A sign-in that needs the database while it is out of reach: refused as any request then is, not a 500.
            Outage outage = Outage.behind(e).orElseThrow(() -> e);
            LOG.warning(() -> "A sign-in failed on an outage (" + outage.slug() + "): " + e);
            response.setHeader("Retry-After", Integer.toString(Outage.RETRY_SECONDS));
            status = refuse(request, response, 503, outage.slug(), outage.title(), outage.detail());
        }
        if (status == AuthenticationStatus.SEND_FAILURE) {
            // A refusal is answered before any filter runs (its small body is not committed yet), so it gets the
            // security headers here; an answer that goes on gets them from SecurityHeadersFilter.
            SecurityHeadersFilter.apply(request, response, ContentSecurityPolicy.API);
        }
        return status;
    }

    private AuthenticationStatus authenticate(HttpServletRequest request, HttpServletResponse response,
                                              HttpMessageContext context) {
        if (isSignedByItsBody(request)) {
            // Inbound webhooks and chat platforms prove themselves by their body's signature: credentials they carry
            // (a proxy's, a fuzzer's) are no sign-in, and answering them here would leave the endpoint no answer.
            return context.doNothing();
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic", 0, 5)) {
            if (!settings.policy().basicAuthEnabled()) {
                return unauthorized(request, response, "HTTP Basic is turned off by an administrator: use an API key");
            }
            return basic(authorization.substring(5).strip(), request, response, context);
        }
        String apiKey = request.getHeader("X-API-Key");
        if (apiKey == null && authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            apiKey = authorization.substring(7).strip();
            if (ApiKeySecret.parse(apiKey).isEmpty() && sso.enabled()) {
                return bearerToken(apiKey, request, response, context);
            }
        }
        if (apiKey != null) {
            return apiKey(apiKey, request, response, context);
        }
        Credential credential = context.getAuthParameters().getCredential();
        if (credential instanceof UsernamePasswordCredential login) {
            return portalLogin(login, request, context);
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (singleSignOn.handles(path)) {
            return singleSignOn.handle(path, request, context);
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SESSION_USER) instanceof String user) {
            if (!context.isProtected()) {
                // Resources, error pages: no roles needed, so no database read; but the request must run as the
                // session's owner, or Liberty refuses the session to an "anonymous" request (SESN0008E).
                return ContainerSignIn.as(context, user, Set.of());
            }
            // Re-read on every protected request: a disabled, deleted or re-roled user's session follows at once.
            Optional<User> current = users.user(user).filter(User::isEnabled);
            if (current.isPresent()) {
                return ContainerSignIn.as(context, user, current.get().getRoles());
            }
            session.invalidate();
        }
        if (!context.isProtected()) {
            return context.doNothing(); // static resources, the sign-in page: no need to know who asks
        }
        if (isApi(request) || GatewayErrors.isGateway(request, request.getRequestURI())) {
            return unauthorized(request, response, "This endpoint needs authentication: send HTTP Basic credentials, an API key "
                    + "or an access token of the single sign-on realm");
        }
        return context.redirect(request.getContextPath() + "/login.xhtml?next=" + URLEncoder.encode(path, StandardCharsets.UTF_8));
    }

    private AuthenticationStatus basic(String encoded, HttpServletRequest request, HttpServletResponse response,
                                       HttpMessageContext context) {
        String decoded = encoded.length() > MAX_BASIC ? null : decodedBasic(encoded);
        int colon = decoded == null ? -1 : decoded.indexOf(':');
        if (colon < 1) {
            return malformedBasic(request, response);
        }
        String user = decoded.substring(0, colon);
        PasswordCheck.Verdict verdict = passwords.check(user, decoded.substring(colon + 1), "HTTP Basic", request);
        if (verdict instanceof PasswordCheck.Accepted accepted) {
            return ContainerSignIn.as(context, user, accepted.roles());
        }
        if (verdict instanceof PasswordCheck.LockedOut locked) {
            return lockedOut(request, response, locked.remaining(), "passwords for this user");
        }
        if (verdict instanceof PasswordCheck.Busy) {
            return busy(request, response);
        }
        return unauthorized(request, response, "Wrong user name or password, or the account is disabled");
    }

    /** Base64 of "user:password" as UTF-8, or null when it is not base64. */
    private static String decodedBasic(String encoded) {
        try {
            return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Basic credentials that are not a user name and a password (empty, not base64, without a colon, or too long to
     * be any): a 401 without a sign-in attempt, since they name no user to check or lock out. The answer is sent at
     * once: after the mechanism, the server's own bookkeeping reads every Basic header as user:password and fails
     * on these, which must not replace the answer with an error page.
     */
    private static AuthenticationStatus malformedBasic(HttpServletRequest request, HttpServletResponse response) {
        AuthenticationStatus status = unauthorized(request, response, "The Authorization header is not valid Basic credentials: "
                + "send 'Basic ' and the base64 of user:password (at most " + MAX_BASIC + " characters)");
        try {
            response.flushBuffer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return status;
    }

    private AuthenticationStatus apiKey(String presented, HttpServletRequest request, HttpServletResponse response,
                                        HttpMessageContext context) {
        Optional<Duration> locked = guard.throttle().lockedFor(ANY_API_KEY, request.getRemoteAddr());
        if (locked.isPresent()) {
            return lockedOut(request, response, locked.get(), "API keys");
        }
        Optional<ApiKeyIdentity> identity = apiKeys.authenticate(presented);
        if (identity.isEmpty()) {
            String prefix = ApiKeySecret.parse(presented).map(ApiKeySecret::prefix).orElse("malformed");
            passwords.audit("api-key:" + prefix, request, Outcome.DENIED, "API key");
            guard.throttle().failed(ANY_API_KEY, request.getRemoteAddr());
            return unauthorized(request, response, "The API key is unknown, revoked or expired, or its owner is disabled");
        }
        guard.throttle().succeeded(ANY_API_KEY, request.getRemoteAddr());
        request.setAttribute(Caller.API_KEY, identity.get());
        return ContainerSignIn.as(context, identity.get().owner(), identity.get().roles());
    }

    /** An access token of the single sign-on realm; wrong ones count towards the lock-out of bad API keys. */
    private AuthenticationStatus bearerToken(String token, HttpServletRequest request, HttpServletResponse response,
                                             HttpMessageContext context) {
        Optional<Duration> locked = guard.throttle().lockedFor(ANY_API_KEY, request.getRemoteAddr());
        if (locked.isPresent()) {
            return lockedOut(request, response, locked.get(), "API keys or tokens");
        }
        try {
            FederatedIdentity identity = sso.verifyAccessToken(token);
            Optional<String> refusal = singleSignOn.refusal(identity);
            if (refusal.isPresent()) {
                return unauthorized(request, response, refusal.get());
            }
            guard.throttle().succeeded(ANY_API_KEY, request.getRemoteAddr());
            return ContainerSignIn.as(context, identity.username(), Role.names(identity.roles()));
        } catch (TokenExpiredException e) {
            return unauthorized(request, response, e.getMessage()); // a client that should refresh, not an intruder
        } catch (IdentityProviderUnavailableException e) {
            return refuse(request, response, e.status(), e.problemType(), e.title(), e.getMessage());
        } catch (DomainException e) {
            trail.recordSeparately(new AuditEntry("bearer-token", "auth.sign-in", request.getRequestURI(),
                    request.getRemoteAddr(), Outcome.DENIED, "bearer token refused: " + e.getMessage(), null, null));
            guard.throttle().failed(ANY_API_KEY, request.getRemoteAddr());
            return unauthorized(request, response, e.getMessage());
        }
    }

    private AuthenticationStatus portalLogin(UsernamePasswordCredential login, HttpServletRequest request,
                                             HttpMessageContext context) {
        PasswordCheck.Verdict verdict = passwords.check(login.getCaller(), login.getPasswordAsString(), "portal", request);
        if (verdict instanceof PasswordCheck.Accepted accepted) {
            passwords.audit(login.getCaller(), request, Outcome.SUCCESS, "portal");
            HttpSession session = request.getSession(true);
            request.changeSessionId();
            session.setAttribute(SESSION_USER, login.getCaller());
            return ContainerSignIn.as(context, login.getCaller(), accepted.roles());
        }
        if (verdict instanceof PasswordCheck.LockedOut locked) {
            request.setAttribute(LOCKED_FOR, locked.remaining());
        } else if (verdict instanceof PasswordCheck.Busy) {
            request.setAttribute(LOCKED_FOR, BUSY);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    /** Another sign-in of the same user from the same address took too long to finish: try again shortly. */
    private static AuthenticationStatus busy(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("Retry-After", String.valueOf(BUSY.toSeconds()));
        return refuse(request, response, 429, "signin-busy", "Too many sign-ins at once",
                "Another sign-in of this user from this address is being checked; try again in " + BUSY.toSeconds() + " s");
    }

    private static AuthenticationStatus lockedOut(HttpServletRequest request, HttpServletResponse response,
                                                  Duration remaining, String who) {
        long seconds = Math.max(1, (remaining.toMillis() + 999) / 1000);
        response.setHeader("Retry-After", String.valueOf(seconds));
        return refuse(request, response, 429, "signin-locked", "Too many failed sign-ins",
                "Too many wrong " + who + " in a row from this address; try again in " + seconds + " s");
    }

    private static boolean isSignedByItsBody(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return SIGNED_BY_BODY.stream().anyMatch(path::startsWith);
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    private static AuthenticationStatus unauthorized(HttpServletRequest request, HttpServletResponse response,
                                                     String detail) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"helix\", charset=\"UTF-8\"");
        response.addHeader("WWW-Authenticate", "Bearer realm=\"helix\"");
        return refuse(request, response, 401, "unauthorized", "Authentication required", detail);
    }

    /**
     * Answers the request with a problem (on the gateway's paths, an error in OpenAI's shape; on the SOAP services', a
     * SOAP fault), before it reaches the application.
     */
    private static AuthenticationStatus refuse(HttpServletRequest request, HttpServletResponse response, int status,
                                               String slug, String title, String detail) {
        try {
            if (GatewayErrors.isGateway(request, request.getRequestURI())) {
                GatewayErrors.write(response, status, detail, null, slug);
                return AuthenticationStatus.SEND_FAILURE;
            }
            if (SoapSignInFault.isSoap(request)) {
                SoapSignInFault.write(response, status, slug, detail);
                return AuthenticationStatus.SEND_FAILURE;
            }
            response.setStatus(status);
            response.setContentType(Problems.MEDIA_TYPE);
            response.setCharacterEncoding("UTF-8"); // JSON's encoding; the detail may quote what the client sent
            response.getWriter().write(Problems.body(status, slug, title, detail, null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
