package dev.helix.sso.model;

import dev.helix.identity.model.Role;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * How the identity provider's realm roles stand for Helix roles: with the default prefix {@code helix-}, realm role
 * {@code helix-operator} is Helix's operator. Realm roles without the prefix mean nothing to Helix.
 */
public final class RealmRoles {

    private final String prefix;

    public RealmRoles(String prefix) {
        this.prefix = prefix == null ? "" : prefix.strip();
    }

    public String realmRoleOf(Role role) {
        return prefix + role.roleName();
    }

    /** The Helix roles that these realm roles stand for. */
    public Set<Role> helixRoles(Collection<String> realmRoleNames) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : realmRoleNames) {
            if (name != null && name.startsWith(prefix)) {
                Role.byName(name.substring(prefix.length())).ifPresent(roles::add);
            }
        }
        return roles;
    }

    /** Helix role name to realm role name, e.g. {@code operator -> helix-operator}. */
    public Map<String, String> mapping() {
        Map<String, String> mapping = new TreeMap<>();
        for (Role role : Role.values()) {
            mapping.put(role.roleName(), realmRoleOf(role));
        }
        return mapping;
    }

    public Optional<String> prefix() {
        return Optional.of(prefix).filter(p -> !p.isEmpty());
    }
}
