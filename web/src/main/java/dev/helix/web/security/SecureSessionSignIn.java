package dev.helix.web.security;

import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Signing in runs before any filter: a session the sign-in starts or renews (a password on the sign-in page, the
 * single sign-on callback) gets its cookie marked {@code Secure} on HTTPS here ({@link SecureSessionCookie}).
 */
@Decorator
@Priority(Interceptor.Priority.APPLICATION)
public abstract class SecureSessionSignIn implements HttpAuthenticationMechanism {

    @Inject
    @Delegate
    HttpAuthenticationMechanism mechanism;

    @Inject
    SecureSessionCookie cookie;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) throws AuthenticationException {
        HttpSession before = request.getSession(false);
        String idBefore = before == null ? null : before.getId();
        AuthenticationStatus status = mechanism.validateRequest(request, response, context);
        HttpSession after = request.getSession(false);
        if (after != null && !after.getId().equals(idBefore)) {
            cookie.issue(request, after, response);
        }
        return status;
    }
}
