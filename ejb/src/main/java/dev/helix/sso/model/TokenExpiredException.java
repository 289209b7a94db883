package dev.helix.sso.model;

/** A bearer token that was valid and has expired: the client should fetch a new one. Not a sign of an attack. */
public class TokenExpiredException extends SignInRefusedException {

    public TokenExpiredException() {
        super("the bearer token has expired: get a new one from the identity provider");
    }
}
