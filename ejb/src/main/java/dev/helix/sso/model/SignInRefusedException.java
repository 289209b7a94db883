package dev.helix.sso.model;

import dev.helix.shared.error.DomainException;

/** The identity provider's token or answer does not let this person in; the message says why. */
public class SignInRefusedException extends DomainException {

    public SignInRefusedException(String message) {
        super(message);
    }

    @Override
    public String problemType() {
        return "unauthorized";
    }

    @Override
    public String title() {
        return "Authentication required";
    }

    @Override
    public int status() {
        return 401;
    }
}
