package dev.helix.web.security;

import dev.helix.identity.model.User;
import dev.helix.identity.service.UserDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.Set;

/**
 * Signs a request in by what its message carries instead of its HTTP headers: a SOAP message's WS-Security
 * UsernameToken (the password is checked as every password is, {@link PasswordCheck}), or a chat command whose
 * platform signed it, from a chat user linked to a Helix user. The user then is the request's {@link Caller}.
 */
@ApplicationScoped
public class MessageSignIn {

    /** A user signed in by the message, with the roles the sign-in found. */
    public record SignedIn(String user, Set<String> roles) {
    }

    /** Why a message's credentials were not accepted: a stable code and a readable message. */
    public record Refusal(String code, String message) {
    }

    @Inject
    PasswordCheck passwords;

    @Inject
    UserDirectory users;

    /** Signs the request in as {@code user}, or says why not. */
    public Optional<Refusal> signIn(String user, String password, HttpServletRequest request) {
        PasswordCheck.Verdict verdict = passwords.check(user, password, "WS-Security UsernameToken", request);
        if (verdict instanceof PasswordCheck.Accepted accepted) {
            request.setAttribute(Caller.MESSAGE_USER, new SignedIn(user, accepted.roles()));
            return Optional.empty();
        }
        if (verdict instanceof PasswordCheck.LockedOut locked) {
            return Optional.of(new Refusal("signin-locked", "Too many wrong passwords for this user from this address in "
                    + "a row; try again in " + Math.max(1, locked.remaining().toSeconds()) + " s"));
        }
        if (verdict instanceof PasswordCheck.Busy) {
            return Optional.of(new Refusal("signin-busy", "Another sign-in of this user from this address is being "
                    + "checked; try again in 1 s"));
        }
        return Optional.of(new Refusal("unauthorized", "Wrong user name or password, or the account is disabled"));
    }

    /**
     * Signs the request in as the Helix user a chat user is linked to (the platform's signature vouches for the chat
     * user), or says why not: the account is disabled or gone.
     */
    public Optional<Refusal> signInLinked(String user, HttpServletRequest request) {
        Optional<User> account = users.user(user).filter(User::isEnabled);
        if (account.isEmpty()) {
            return Optional.of(new Refusal("unauthorized", "The Helix account '" + user + "' this chat user is linked to is "
                    + "disabled or gone"));
        }
        request.setAttribute(Caller.MESSAGE_USER, new SignedIn(user, account.get().getRoles()));
        return Optional.empty();
    }
}
