package dev.helix.sso.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helix.identity.model.Permission;
import dev.helix.identity.model.Role;
import java.util.EnumSet;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class RealmRoleSyncTest {

    @Test
    void aShortListOfPermissionsIsDescribedWhole() {
        SortedSet<String> permissions = new TreeSet<>(java.util.List.of("task:read", "fleet:read"));
        assertEquals("Helix viewer: fleet:read, task:read", RealmRoleSync.description(Role.VIEWER, permissions));
    }

    @Test
    void everyPermissionAtOnceIsShortenedToWhatKeycloakKeeps() {
        SortedSet<String> all = Permission.names(EnumSet.allOf(Permission.class));
        String description = RealmRoleSync.description(Role.ADMIN, all);
        assertTrue(description.length() <= RealmRoleSync.MAX_DESCRIPTION, description);
        assertTrue(description.startsWith("Helix admin: agent:manage, "), description);
        assertTrue(description.matches(".*\\(\\+\\d+ more\\)"), description);
        int listed = description.substring(0, description.indexOf(" (+")).split(", ").length;
        int more = Integer.parseInt(description.replaceAll(".*\\(\\+(\\d+) more\\)", "$1"));
        assertEquals(all.size(), listed + more, description);
    }
}
