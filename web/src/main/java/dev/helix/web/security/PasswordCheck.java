package dev.helix.web.security;

import dev.helix.audit.model.AuditEntry;
import dev.helix.audit.model.Outcome;
import dev.helix.audit.service.AuditTrail;
import dev.helix.identity.service.UserDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * A user name and password checked the same way wherever they come in (HTTP Basic, the login page, a SOAP message's
 * UsernameToken): one check at a time per user and address, a lock-out after too many wrong ones in a row, and every
 * failure and lock-out audited.
 */
@ApplicationScoped
public class PasswordCheck {

    /** What the check found. */
    public sealed interface Verdict permits Accepted, Refused, LockedOut, Busy {
    }

    /** The password is right and the account enabled: the user's roles. */
    public record Accepted(Set<String> roles) implements Verdict {
    }

    /** A wrong user name or password, or a disabled account (which of them is not told). */
    public record Refused() implements Verdict {
    }

    /** Too many wrong passwords for this user from this address: not checked, try again after {@code remaining}. */
    public record LockedOut(Duration remaining) implements Verdict {
    }

    /** Another check of the same user from the same address took too long: try again shortly. */
    public record Busy() implements Verdict {
    }

    @Inject
    UserDirectory users;

    @Inject
    AuditTrail trail;

    @Inject
    SignInGuard guard;

    /** Checks the password; {@code channel} names the way it came in, for the audit trail (e.g. "HTTP Basic"). */
    public Verdict check(String user, String password, String channel, HttpServletRequest request) {
        String address = request.getRemoteAddr();
        return guard.throttle().exclusively(user, address, () -> {
            Optional<Duration> locked = guard.throttle().lockedFor(user, address);
            if (locked.isPresent()) {
                return new LockedOut(locked.get()); // audited when it began
            }
            Optional<Set<String>> roles = users.authenticate(user, password);
            if (roles.isEmpty()) {
                audit(user, request, Outcome.DENIED, channel);
                guard.throttle().failed(user, address).ifPresent(lockout -> trail.recordSeparately(
                        new AuditEntry(user, "auth.lockout", request.getRequestURI(), address, Outcome.DENIED,
                                "too many wrong passwords in a row: locked out for " + lockout.toSeconds() + " s", null, null)));
                return new Refused();
            }
            guard.throttle().succeeded(user, address);
            return new Accepted(roles.get());
        }, Busy::new);
    }

    /** Records a sign-in: a success says how it came in, a denial that the credentials were not accepted. */
    public void audit(String user, HttpServletRequest request, Outcome outcome, String channel) {
        trail.recordSeparately(new AuditEntry(user, "auth.sign-in", request.getRequestURI(), request.getRemoteAddr(),
                outcome, outcome == Outcome.SUCCESS ? channel : "wrong user name or password, or disabled account ("
                        + channel + ")", null, null));
    }
}
