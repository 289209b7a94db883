package dev.helix.sso.model;

import java.net.URI;
import java.util.Optional;

/**
 * Where single sign-on points: the issuer of a Keycloak realm (e.g. {@code https://sso.example.com/realms/helix}),
 * Helix's client in that realm and the realm roles that stand for Helix roles. Off when no issuer is configured.
 */
public record SsoConfiguration(Optional<URI> issuer, String clientId, RealmRoles realmRoles) {

    public boolean enabled() {
        return issuer.isPresent();
    }

    /** The issuer, for callers that already checked {@link #enabled()}. */
    public URI requireIssuer() {
        return issuer.orElseThrow(() -> new IdentityProviderUnavailableException(
                "single sign-on is not configured: set helix.oidc.issuer"));
    }

    /** The Keycloak server's base address and the realm's name, both read from the issuer {@code <base>/realms/<realm>}. */
    public KeycloakRealm keycloakRealm() {
        String issuerText = requireIssuer().toString().replaceAll("/+$", "");
        int at = issuerText.lastIndexOf("/realms/");
        if (at < 0) {
            throw new IdentityProviderUnavailableException("the issuer " + issuerText
                    + " is not a Keycloak realm (<server>/realms/<realm>): roles cannot be synchronised");
        }
        return new KeycloakRealm(issuerText.substring(0, at), issuerText.substring(at + "/realms/".length()));
    }

    /** A Keycloak server's base address and one of its realms. */
    public record KeycloakRealm(String serverUrl, String realm) {
    }
}
