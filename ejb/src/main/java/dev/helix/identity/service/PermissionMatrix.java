package dev.helix.identity.service;

import dev.helix.identity.internal.AccessSettingReads;
import dev.helix.identity.model.Permission;
import dev.helix.identity.model.Role;
import dev.helix.identity.model.RoleGrants;
import dev.helix.platform.service.FreshCopy;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * The role × permission matrix as stored in {@code role_permission}. Every request consults it, so each server
 * keeps a {@link FreshCopy} of it, re-read after {@value #FRESH_SECONDS} seconds (an edit on another server
 * applies here within that time; an edit on this server once it commits). A plain bean, not an EJB: asking it
 * costs a request no container call, only a look at the copy.
 */
@ApplicationScoped
public class PermissionMatrix {

    static final int FRESH_SECONDS = 5;

    @PersistenceContext
    EntityManager em;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    AccessSettingReads reads;

    private FreshCopy<RoleGrants> copy;

    @PostConstruct
    void start() {
        copy = new FreshCopy<>(Duration.ofSeconds(FRESH_SECONDS), reads::roleGrants);
    }

    public RoleGrants grants() {
        return copy.get();
    }

    /** The permissions of a caller with these role names; names that are no role grant nothing. */
    public Set<Permission> permissionsOf(Set<String> roleNames) {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        roleNames.forEach(name -> Role.byName(name).ifPresent(roles::add));
        return grants().ofRoles(roles);
    }

    /** Replaces what one role grants; answers the whole matrix as it now is. */
    @Transactional
    public RoleGrants grant(Role role, Set<Permission> permissions) {
        RoleGrants changed = reads.roleGrants().with(role, permissions);
        em.createNativeQuery("DELETE FROM role_permission WHERE role_name = ?1").setParameter(1, role.roleName())
                .executeUpdate();
        for (Permission permission : permissions) {
            em.createNativeQuery("INSERT INTO role_permission (role_name, permission_name) VALUES (?1, ?2)")
                    .setParameter(1, role.roleName()).setParameter(2, permission.permissionName()).executeUpdate();
        }
        copy.forgetOnCommit(transactions);
        return changed;
    }
}
