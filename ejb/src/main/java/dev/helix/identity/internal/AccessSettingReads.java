package dev.helix.identity.internal;

import dev.helix.identity.model.Permission;
import dev.helix.identity.model.Role;
import dev.helix.identity.model.RoleGrants;
import dev.helix.identity.model.SecurityPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The reads of the stored access settings (the role × permission matrix, the security policy), each in the caller's
 * transaction or one of its own: they are made when a request finds its server's copy too old, mostly outside any
 * transaction, and the data source wants one around every read.
 */
@ApplicationScoped
public class AccessSettingReads {

    /** The setting that allows HTTP Basic sign-in. */
    public static final String BASIC_AUTH = "basic-auth-enabled";
    private static final Logger LOG = Logger.getLogger(AccessSettingReads.class.getName());

    @PersistenceContext
    EntityManager em;

    /** What each role grants, as {@code role_permission} holds it; unknown names are logged and ignored. */
    @Transactional
    public RoleGrants roleGrants() {
        Map<Role, Set<Permission>> grants = new EnumMap<>(Role.class);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT role_name, permission_name FROM role_permission").getResultList();
        for (Object[] row : rows) {
            Role.byName((String) row[0]).ifPresentOrElse(role -> Permission.byName((String) row[1]).ifPresentOrElse(
                    permission -> grants.computeIfAbsent(role, r -> EnumSet.noneOf(Permission.class)).add(permission),
                    () -> LOG.warning("Ignoring unknown permission " + row[1] + " in role_permission")),
                    () -> LOG.warning("Ignoring unknown role " + row[0] + " in role_permission"));
        }
        return new RoleGrants(grants);
    }

    /** The security policy as {@code security_setting} holds it; HTTP Basic is allowed unless turned off. */
    @Transactional
    public SecurityPolicy securityPolicy() {
        List<?> basic = em.createNativeQuery("SELECT setting_value FROM security_setting WHERE name = ?1")
                .setParameter(1, BASIC_AUTH).getResultList();
        return new SecurityPolicy(basic.isEmpty() || Boolean.parseBoolean(String.valueOf(basic.get(0))));
    }
}
