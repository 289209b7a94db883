package dev.helix.identity.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a caller may do. Every REST endpoint and every portal action names the one permission it needs; roles
 * get permissions through the editable {@link RoleGrants role × permission matrix}. Names look like
 * {@code task:create}.
 */
public enum Permission {
    TASK_READ("Read tasks, their documents, progress and history"),
    TASK_CREATE("Create tasks"),
    TASK_DECIDE("Approve or reject specs and implementations"),
    TASK_CANCEL("Cancel tasks"),
    FLEET_READ("Watch the fleet: live progress and the dashboard stream"),
    AGENT_READ("Read agents, the pool and the profile gallery"),
    AGENT_MANAGE("Start, change and stop agents"),
    PROFILE_MANAGE("Add and edit agent profiles"),
    USER_READ("Read user accounts"),
    USER_MANAGE("Create, change, disable and delete users, reset passwords"),
    ROLE_MANAGE("Read and edit the role × permission matrix"),
    AUDIT_READ("Search, export and verify the audit trail"),
    SECURITY_MANAGE("Read and change security settings, e.g. whether HTTP Basic is accepted"),
    SELF_MANAGE("Read one's own profile and change one's own password");

    private final String description;

    Permission(String description) {
        this.description = description;
    }

    /** The external name, e.g. {@code task:create}. */
    public String permissionName() {
        int split = name().indexOf('_');
        return (name().substring(0, split) + ":" + name().substring(split + 1)).toLowerCase(Locale.ROOT);
    }

    public String description() {
        return description;
    }

    public static Optional<Permission> byName(String name) {
        return Arrays.stream(values()).filter(p -> p.permissionName().equals(name)).findFirst();
    }
}
