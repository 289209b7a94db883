package dev.helix.sso.model;

/** A finished portal sign-in through single sign-on: who signed in, and the ID token that ends the session later. */
public record SsoSession(FederatedIdentity identity, String idToken) {
}
