package dev.helix.identity.service;

import dev.helix.identity.model.Permission;
import dev.helix.identity.model.Role;
import dev.helix.identity.model.RoleGrants;
import dev.helix.platform.service.FreshCopy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The role × permission matrix as stored in {@code role_permission}. Every request consults it, so each server
 * keeps a {@link FreshCopy} of it, re-read after {@value #FRESH_SECONDS} seconds (an edit on another server
 * applies here within that time; an edit on this server once it commits).
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class PermissionMatrix {

    static final int FRESH_SECONDS = 5;
    private static final Logger LOG = Logger.getLogger(PermissionMatrix.class.getName());

    @PersistenceContext
    EntityManager em;

    @Resource
    TransactionSynchronizationRegistry transactions;

    private final FreshCopy<RoleGrants> copy = new FreshCopy<>(Duration.ofSeconds(FRESH_SECONDS), this::read);

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public RoleGrants grants() {
        return copy.get();
    }

    /** The permissions of a caller with these role names; names that are no role grant nothing. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Set<Permission> permissionsOf(Set<String> roleNames) {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        roleNames.forEach(name -> Role.byName(name).ifPresent(roles::add));
        return grants().ofRoles(roles);
    }

    /** Replaces what one role grants; answers the whole matrix as it now is. */
    public RoleGrants grant(Role role, Set<Permission> permissions) {
        RoleGrants changed = read().with(role, permissions);
        em.createNativeQuery("DELETE FROM role_permission WHERE role_name = ?1").setParameter(1, role.roleName())
                .executeUpdate();
        for (Permission permission : permissions) {
            em.createNativeQuery("INSERT INTO role_permission (role_name, permission_name) VALUES (?1, ?2)")
                    .setParameter(1, role.roleName()).setParameter(2, permission.permissionName()).executeUpdate();
        }
        copy.forgetOnCommit(transactions);
        return changed;
    }

    private RoleGrants read() {
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
}
