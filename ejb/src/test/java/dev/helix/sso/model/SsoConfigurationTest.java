package dev.helix.sso.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SsoConfigurationTest {

    @Test
    void offWithoutAnIssuer() {
        SsoConfiguration off = new SsoConfiguration(Optional.empty(), "helix", new RealmRoles("helix-"));
        assertFalse(off.enabled());
        assertThrows(IdentityProviderUnavailableException.class, off::requireIssuer);
    }

    @Test
    void theKeycloakServerAndRealmComeFromTheIssuer() {
        SsoConfiguration on = new SsoConfiguration(Optional.of(URI.create("https://sso.example.com/auth/realms/acme/")),
                "helix", new RealmRoles("helix-"));
        assertEquals(new SsoConfiguration.KeycloakRealm("https://sso.example.com/auth", "acme"), on.keycloakRealm());
    }

    @Test
    void anIssuerThatIsNoKeycloakRealmCannotBeSynchronised() {
        SsoConfiguration other = new SsoConfiguration(Optional.of(URI.create("https://login.example.com/tenant")),
                "helix", new RealmRoles("helix-"));
        assertThrows(IdentityProviderUnavailableException.class, other::keycloakRealm);
    }

    @Test
    void realmRolesMapOneToOneWithAPrefix() {
        RealmRoles roles = new RealmRoles("helix-");
        assertEquals("helix-developer", roles.mapping().get("developer"));
        assertEquals(4, roles.mapping().size());
    }
}
