package dev.helix.sso.model;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.helix.identity.model.Role;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Someone the identity provider vouches for, as Helix sees them: a user name and the Helix roles their realm roles
 * stand for (none when the realm grants no Helix role: such a person may not sign in, and an account they had
 * loses its roles).
 */
public record FederatedIdentity(String username, Set<Role> roles) {

    /**
     * Reads a verified token's claims the MicroProfile JWT way: the name from {@code upn}, else
     * {@code preferred_username}, else {@code sub}; roles from {@code groups} and Keycloak's
     * {@code realm_access.roles}.
     *
     * @throws SignInRefusedException when the token names nobody
     */
    public static FederatedIdentity fromClaims(JWTClaimsSet claims, RealmRoles realmRoles) {
        String username = Stream.of("upn", "preferred_username", "sub")
                .map(name -> stringClaim(claims, name)).filter(v -> v != null && !v.isBlank()).findFirst()
                .orElseThrow(() -> new SignInRefusedException("the token names no user (upn, preferred_username, sub)"));
        List<String> realmRoleNames = new ArrayList<>(stringList(claims, "groups"));
        if (claims.getClaim("realm_access") instanceof Map<?, ?> realmAccess
                && realmAccess.get("roles") instanceof List<?> roles) {
            roles.forEach(role -> realmRoleNames.add(String.valueOf(role)));
        }
        return new FederatedIdentity(username, realmRoles.helixRoles(realmRoleNames));
    }

    private static String stringClaim(JWTClaimsSet claims, String name) {
        try {
            return claims.getStringClaim(name);
        } catch (ParseException e) {
            return null;
        }
    }

    private static List<String> stringList(JWTClaimsSet claims, String name) {
        try {
            List<String> values = claims.getStringListClaim(name);
            return values == null ? List.of() : values;
        } catch (ParseException e) {
            return List.of();
        }
    }
}
