package dev.helix.web.security;

import dev.helix.identity.model.ApiKeyIdentity;
import dev.helix.identity.model.Permission;
import dev.helix.identity.model.Role;
import dev.helix.identity.service.PermissionMatrix;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Who is calling in this request and what they may do: the permissions their roles grant in the
 * {@link PermissionMatrix}. REST checks and portal pages ({@code #{caller.may('task:decide')}}) ask it.
 */
@Named
@RequestScoped
public class Caller {

    /** Request attribute set by the authentication mechanism: the API key the request came with, if any. */
    static final String API_KEY = "helix.api-key";

    @Inject
    SecurityContext security;

    @Inject
    PermissionMatrix matrix;

    @Inject
    HttpServletRequest request;

    private Set<Permission> permissions;

    public String name() {
        Principal principal = security.getCallerPrincipal();
        return principal == null ? null : principal.getName();
    }

    /** The caller's role names, e.g. {@code [developer]}. */
    public Set<String> roles() {
        return Arrays.stream(Role.values()).map(Role::roleName).filter(security::isCallerInRole)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** What the caller's roles grant, narrowed to the API key's scopes when the caller came with a key. */
    public Set<Permission> permissions() {
        if (permissions == null) {
            Set<Permission> granted = name() == null ? Set.of() : matrix.permissionsOf(roles());
            permissions = apiKey().flatMap(ApiKeyIdentity::scopes).map(scopes -> {
                Set<Permission> narrowed = EnumSet.noneOf(Permission.class);
                narrowed.addAll(granted);
                narrowed.retainAll(scopes);
                return (Set<Permission>) narrowed;
            }).orElse(granted);
        }
        return permissions;
    }

    /** The API key this request came with; empty for a password or a portal session. */
    public Optional<ApiKeyIdentity> apiKey() {
        return Optional.ofNullable((ApiKeyIdentity) request.getAttribute(API_KEY));
    }

    public boolean may(Permission permission) {
        return permissions().contains(permission);
    }

    /** For pages: whether the caller holds the permission of this name, e.g. {@code task:decide}. */
    public boolean may(String permissionName) {
        return Permission.byName(permissionName).map(this::may).orElse(false);
    }
}
