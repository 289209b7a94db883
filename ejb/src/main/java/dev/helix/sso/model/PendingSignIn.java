package dev.helix.sso.model;

import java.io.Serializable;
import java.net.URI;

/**
 * A portal sign-in sent to the identity provider and not back yet, kept in the browser's session: the values that
 * bind the provider's answer to this browser (state, nonce, PKCE verifier), where the answer comes back to and the
 * portal page the user wanted.
 */
public record PendingSignIn(String state, String nonce, String codeVerifier, URI redirectUri, String next,
                            URI authorizationUri) implements Serializable {
}
