package dev.helix.sso.model;

import dev.helix.shared.error.DomainException;

/** Single sign-on is not configured, or its identity provider cannot be reached or refuses Helix's own requests. */
public class IdentityProviderUnavailableException extends DomainException {

    public IdentityProviderUnavailableException(String message) {
        super(message);
    }

    @Override
    public String problemType() {
        return "identity-provider-unavailable";
    }

    @Override
    public String title() {
        return "The identity provider is not available";
    }

    @Override
    public int status() {
        return 503;
    }
}
