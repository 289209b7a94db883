package dev.helix.sso.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.helix.identity.model.Role;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FederatedIdentityTest {

    private final RealmRoles realmRoles = new RealmRoles("helix-");

    @Test
    void readsTheNameTheMicroProfileJwtWayAndRolesFromGroupsAndKeycloaksRealmAccess() {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("f81d4fae").claim("preferred_username", "alice")
                .claim("upn", "alice@example.com").claim("groups", List.of("helix-operator", "offline_access"))
                .claim("realm_access", Map.of("roles", List.of("helix-viewer", "uma_authorization"))).build();
        FederatedIdentity identity = FederatedIdentity.fromClaims(claims, realmRoles);
        assertEquals("alice@example.com", identity.username());
        assertEquals(Set.of(Role.OPERATOR, Role.VIEWER), identity.roles());
    }

    @Test
    void fallsBackToPreferredUsernameThenSubject() {
        JWTClaimsSet named = new JWTClaimsSet.Builder().subject("f81d4fae").claim("preferred_username", "bob")
                .claim("groups", List.of("helix-viewer")).build();
        assertEquals("bob", FederatedIdentity.fromClaims(named, realmRoles).username());
        JWTClaimsSet anonymous = new JWTClaimsSet.Builder().subject("f81d4fae").claim("groups", List.of("helix-viewer")).build();
        assertEquals("f81d4fae", FederatedIdentity.fromClaims(anonymous, realmRoles).username());
    }

    @Test
    void realmRolesWithoutThePrefixMeanNothing() {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().claim("preferred_username", "mallory")
                .claim("groups", List.of("admin", "helix-root", "other-admin")).build();
        assertTrue(FederatedIdentity.fromClaims(claims, realmRoles).roles().isEmpty());
    }

    @Test
    void aTokenThatNamesNobodyIsRefused() {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().claim("groups", List.of("helix-admin")).build();
        assertThrows(SignInRefusedException.class, () -> FederatedIdentity.fromClaims(claims, realmRoles));
    }
}
