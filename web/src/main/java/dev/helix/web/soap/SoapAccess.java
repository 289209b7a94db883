package dev.helix.web.soap;

import dev.helix.audit.model.Outcome;
import dev.helix.identity.model.Permission;
import dev.helix.web.audit.Refusals;
import dev.helix.web.security.Caller;
import dev.helix.web.security.MessageSignIn;
import dev.helix.web.security.RequestLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Holds a SOAP call to the rules of a REST call: a caller signed in (by HTTP Basic, an API key or single sign-on
 * before the message is read, or by the message's UsernameToken), within its request allowance, and granted the
 * operation's permission. A changing operation refused is audited, as a refused REST call is.
 */
@ApplicationScoped
public class SoapAccess {

    @Inject
    Caller caller;

    @Inject
    MessageSignIn messageSignIn;

    @Inject
    RequestLimits limits;

    @Inject
    Refusals refusals;

    @Inject
    HttpServletRequest request;

    /** Lets a reading operation go on, or refuses it. */
    public void require(Permission permission) {
        signIn();
        allow(permission);
    }

    /** Lets a changing operation go on, or refuses it and audits the refusal under {@code action}. */
    public void require(Permission permission, String action) {
        try {
            require(permission);
        } catch (SoapRefusal refusal) {
            if (!"rate-limited".equals(refusal.code())) { // a flood must not turn into a flood of writes
                refusals.record(action, Outcome.DENIED, refusal.code() + ": " + refusal.getMessage());
            }
            throw refusal;
        }
    }

    private void signIn() {
        UsernameTokenHandler.UsernameToken token =
                (UsernameTokenHandler.UsernameToken) request.getAttribute(UsernameTokenHandler.TOKEN);
        if (token == null) {
            return;
        }
        if (token.problem() != null) {
            throw new SoapRefusal("invalid-security-header", "The WS-Security header cannot be used: " + token.problem());
        }
        if (request.getUserPrincipal() != null) {
            throw new SoapRefusal("invalid-security-header", "The request signed in over HTTP and again in its "
                    + "WS-Security header: sign in one way only");
        }
        messageSignIn.signIn(token.user(), token.password(), request).ifPresent(refusal -> {
            throw new SoapRefusal(refusal.code(), refusal.message());
        });
    }

    private void allow(Permission permission) {
        String user = caller.name();
        if (user == null) {
            throw new SoapRefusal("unauthorized", "This service needs authentication: HTTP Basic credentials, an API key "
                    + "(Authorization: Bearer hx_... or X-API-Key) or a WS-Security UsernameToken");
        }
        RequestLimits.Decision decision = limits.acquire(user, caller.apiKey().orElse(null));
        if (!decision.allowed()) {
            throw new SoapRefusal("rate-limited", "At most " + decision.exceeded() + "; try again in "
                    + decision.retryAfterSeconds() + " s");
        }
        if (!caller.may(permission)) {
            throw new SoapRefusal("forbidden", caller.refusal(permission));
        }
    }
}
