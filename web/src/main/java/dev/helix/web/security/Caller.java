package dev.helix.web.security;

import dev.helix.identity.model.ApiKeyIdentity;
import dev.helix.identity.model.Permission;
import dev.helix.identity.model.Role;
import dev.helix.identity.service.PermissionMatrix;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling in this request and what they may do: the permissions their roles grant in the
 * {@link PermissionMatrix}, narrowed to an API key's scopes. REST checks and portal actions ask it; it works each
 * answer out once per request.
 */
@RequestScoped
public class Caller {

    /** Request attribute set by the authentication mechanism: the API key the request came with, if any. */
    static final String API_KEY = "helix.api-key";
    /** Request attribute set by {@link MessageSignIn}: the user a SOAP message signed in as, with its roles. */
    static final String MESSAGE_USER = "helix.message-user";

    @Inject
    SecurityContext security;

    @Inject
    PermissionMatrix matrix;

    @Inject
    HttpServletRequest request;

    private Set<Role> roles;
    private Set<Permission> permissions;

    /** The caller's name: the container's signed-in caller, else the user a SOAP message signed in as, else null. */
    public String name() {
        Principal principal = security.getCallerPrincipal();
        if (principal != null) {
            return principal.getName();
        }
        return messageUser().map(MessageSignIn.SignedIn::user).orElse(null);
    }

    /** The caller's role names, e.g. {@code [developer]}. */
    public Set<String> roles() {
        return Role.names(callerRoles());
    }

    private Set<Role> callerRoles() {
        if (roles == null) {
            roles = EnumSet.noneOf(Role.class);
            Optional<ApiKeyIdentity> key = apiKey();
            Optional<MessageSignIn.SignedIn> messageUser = messageUser();
            if (key.isPresent()) {
                // The roles the sign-in gave the request: asking the container for each costs more than the request.
                key.get().roles().forEach(name -> Role.byName(name).ifPresent(roles::add));
            } else if (messageUser.isPresent() && security.getCallerPrincipal() == null) {
                messageUser.get().roles().forEach(name -> Role.byName(name).ifPresent(roles::add));
            } else {
                Arrays.stream(Role.values()).filter(r -> security.isCallerInRole(r.roleName())).forEach(roles::add);
            }
        }
        return roles;
    }

    /** What the caller's roles grant, narrowed to the API key's scopes when the caller came with a key. */
    public Set<Permission> permissions() {
        if (permissions == null) {
            Set<Permission> granted = name() == null ? Set.of() : matrix.grants().ofRoles(callerRoles());
            permissions = apiKey().map(key -> Permission.intersect(granted, key.scopes())).orElse(granted);
        }
        return permissions;
    }

    /** The API key this request came with; empty for a password or a portal session. */
    public Optional<ApiKeyIdentity> apiKey() {
        return Optional.ofNullable((ApiKeyIdentity) request.getAttribute(API_KEY));
    }

    private Optional<MessageSignIn.SignedIn> messageUser() {
        return Optional.ofNullable((MessageSignIn.SignedIn) request.getAttribute(MESSAGE_USER));
    }

    public boolean may(Permission permission) {
        return permissions().contains(permission);
    }

    /** Why the caller may not do what needs {@code permission}: the permission, the caller's roles and name. */
    public String refusal(Permission permission) {
        return "This needs the permission '" + permission.permissionName() + "', which the roles " + roles() + " of '"
                + name() + "' do not grant";
    }
}
