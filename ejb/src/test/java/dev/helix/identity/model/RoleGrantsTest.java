package dev.helix.identity.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helix.shared.error.InvalidInputException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoleGrantsTest {

    private final RoleGrants grants = new RoleGrants(Map.of(
            Role.VIEWER, Set.of(Permission.TASK_READ),
            Role.DEVELOPER, Set.of(Permission.TASK_READ, Permission.TASK_CREATE),
            Role.ADMIN, EnumSet.allOf(Permission.class)));

    @Test
    void aCallerHoldsTheUnionOfItsRolesGrants() {
        assertEquals(EnumSet.of(Permission.TASK_READ, Permission.TASK_CREATE),
                grants.ofRoles(EnumSet.of(Role.VIEWER, Role.DEVELOPER)));
        assertTrue(grants.ofRoles(EnumSet.of(Role.OPERATOR)).isEmpty(), "a role missing from the matrix grants nothing");
        assertTrue(grants.ofRoles(Set.of()).isEmpty());
    }

    @Test
    void changingOneRoleLeavesTheOthersAlone() {
        RoleGrants changed = grants.with(Role.VIEWER, Set.of(Permission.TASK_READ, Permission.FLEET_READ));
        assertEquals(EnumSet.of(Permission.TASK_READ, Permission.FLEET_READ), changed.of(Role.VIEWER));
        assertEquals(grants.of(Role.DEVELOPER), changed.of(Role.DEVELOPER));
        assertEquals(EnumSet.of(Permission.TASK_READ), grants.of(Role.VIEWER), "the original is unchanged");
    }

    @Test
    void theAdminRoleCannotLoseTheRightToEditTheMatrix() {
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> grants.with(Role.ADMIN, EnumSet.of(Permission.TASK_READ)));
        assertTrue(refused.getMessage().contains("role:manage"), refused.getMessage());
    }

    @Test
    void permissionsHaveStableExternalNames() {
        assertEquals("task:create", Permission.TASK_CREATE.permissionName());
        assertEquals("self:manage", Permission.SELF_MANAGE.permissionName());
        for (Permission permission : Permission.values()) {
            assertEquals(permission, Permission.byName(permission.permissionName()).orElseThrow());
        }
        assertTrue(Permission.byName("task:destroy").isEmpty());
    }
}
