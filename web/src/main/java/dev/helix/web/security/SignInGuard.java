package dev.helix.web.security;

import dev.helix.identity.model.SignInThrottle;
import jakarta.enterprise.context.ApplicationScoped;

/** This server's brute-force protection for sign-in (see {@link SignInThrottle}), shared by API and portal. */
@ApplicationScoped
public class SignInGuard {

    private final SignInThrottle throttle = new SignInThrottle(System::nanoTime);

    public SignInThrottle throttle() {
        return throttle;
    }
}
