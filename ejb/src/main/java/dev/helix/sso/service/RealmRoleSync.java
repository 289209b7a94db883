package dev.helix.sso.service;

import dev.helix.identity.model.Permission;
import dev.helix.identity.model.Role;
import dev.helix.identity.model.RoleGrants;
import dev.helix.identity.service.PermissionMatrix;
import dev.helix.sso.model.IdentityProviderUnavailableException;
import dev.helix.sso.model.RealmRoles;
import dev.helix.sso.model.RoleSyncReport;
import dev.helix.sso.model.SignInRefusedException;
import dev.helix.sso.model.SsoConfiguration;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.keycloak.admin.client.resource.RealmsResource;
import org.keycloak.admin.client.resource.RolesResource;
import org.keycloak.representations.idm.RoleRepresentation;

/**
 * Puts Helix's roles into the Keycloak realm through Keycloak's admin API: one realm role per Helix role (e.g.
 * {@code helix-operator}), created when missing, its description naming the permissions the role grants in Helix
 * now. It uses {@code keycloak-admin-client}'s typed API (its resource interfaces and representations) over
 * Liberty's MicroProfile Rest Client, and signs in as Helix's own client's service account, which needs the
 * realm-management role {@code manage-realm}.
 */
@Stateless
public class RealmRoleSync {

    /** Keycloak keeps at most 255 characters of a role's description. */
    static final int MAX_DESCRIPTION = 255;

    @Inject
    OpenIdProvider provider;

    @Inject
    PermissionMatrix matrix;

    public RoleSyncReport synchronise() {
        SsoConfiguration configuration = provider.configuration();
        SsoConfiguration.KeycloakRealm target = configuration.keycloakRealm();
        try {
            String token = provider.serviceAccountToken();
            RealmsResource realms = RestClientBuilder.newBuilder().baseUri(URI.create(target.serverUrl()))
                    .connectTimeout(5, TimeUnit.SECONDS).readTimeout(30, TimeUnit.SECONDS)
                    .register(new BearerToken(token)).build(RealmsResource.class);
            return synchronise(realms.realm(target.realm()).roles(), target.realm(), configuration.realmRoles());
        } catch (SignInRefusedException | ProcessingException | WebApplicationException e) {
            throw new IdentityProviderUnavailableException("Keycloak refused or could not be reached while "
                    + "synchronising roles (does the client's service account have manage-realm?): " + e.getMessage());
        }
    }

    /** Sends Helix's service-account token with each admin API request. */
    private record BearerToken(String token) implements ClientRequestFilter {

        @Override
        public void filter(ClientRequestContext request) {
            request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
    }

    private RoleSyncReport synchronise(RolesResource roles, String realm, RealmRoles realmRoles) {
        Map<String, RoleRepresentation> existing = roles.list().stream()
                .collect(Collectors.toMap(RoleRepresentation::getName, Function.identity()));
        RoleGrants grants = matrix.grants();
        List<String> created = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        for (Role role : Role.values()) {
            String name = realmRoles.realmRoleOf(role);
            String description = description(role, Permission.names(grants.of(role)));
            RoleRepresentation current = existing.get(name);
            if (current == null) {
                roles.create(new RoleRepresentation(name, description, false));
                created.add(name);
            } else if (!description.equals(current.getDescription())) {
                current.setDescription(description);
                roles.get(name).update(current);
                updated.add(name);
            } else {
                unchanged.add(name);
            }
        }
        return new RoleSyncReport(realm, created, updated, unchanged);
    }

    /**
     * "Helix &lt;role&gt;: &lt;permissions&gt;", shortened to Keycloak's 255 characters for a role description (an admin
     * holds too many permissions to list them all): the permissions that fit, then how many more.
     */
    static String description(Role role, java.util.SortedSet<String> permissions) {
        String prefix = "Helix " + role.roleName() + ": ";
        String all = prefix + String.join(", ", permissions);
        if (all.length() <= MAX_DESCRIPTION) {
            return all;
        }
        List<String> fitting = new ArrayList<>();
        for (String permission : permissions) {
            List<String> tried = new ArrayList<>(fitting);
            tried.add(permission);
            String more = " (+" + (permissions.size() - tried.size()) + " more)";
            if ((prefix + String.join(", ", tried) + more).length() > MAX_DESCRIPTION) {
                break;
            }
            fitting = tried;
        }
        return prefix + String.join(", ", fitting) + " (+" + (permissions.size() - fitting.size()) + " more)";
    }
}
