package dev.helix.identity.model;

import dev.helix.shared.error.InvalidInputException;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

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
    PROVIDER_MANAGE("Register, change, test and remove model providers"),
    PROJECT_READ("Read projects and the history of their tasks' documents"),
    PROJECT_MANAGE("Register, change and remove projects"),
    USER_READ("Read user accounts"),
    USER_MANAGE("Create, change, disable and delete users, reset passwords"),
    ROLE_MANAGE("Read and edit the role × permission matrix"),
    AUDIT_READ("Search, export and verify the audit trail"),
    AUDIT_ACKNOWLEDGE("Acknowledge a break of the audit chain, with a record of its own in the chain"),
    SECURITY_MANAGE("Read and change security settings, e.g. whether HTTP Basic is accepted"),
    SELF_MANAGE("Read one's own profile and change one's own password"),
    SPIRAL_READ("Read spirals, their versions and runs"),
    SPIRAL_MANAGE("Create, edit and delete spirals"),
    SPIRAL_RUN("Start, stop and restart spiral runs"),
    RITUAL_READ("Read rituals, their schedules and runs"),
    RITUAL_MANAGE("Schedule, enable and compose rituals"),
    RITUAL_RUN("Run rituals now, for real or as a dry run"),
    MEMORY_READ("Search and read the fleet's memory"),
    MEMORY_WRITE("Add memories and delete them"),
    ANALYTICS_READ("Read metric series, anomalies, the UCF fleet-health index and reports"),
    GATEWAY_USE("Call models through the OpenAI-compatible gateway (/v1)"),
    GATEWAY_MANAGE("Define the gateway's model aliases, the prices of models and the token budgets of users and keys"),
    USAGE_READ("Read and export the model usage of every user, key, model and project"),
    WEBHOOK_MANAGE("Subscribe to the platform's events with webhooks, and follow and redeliver their deliveries");

    private static final Map<String, Permission> BY_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(Permission::permissionName, p -> p));

    private final String description;
    private final String permissionName;

    Permission(String description) {
        this.description = description;
        int split = name().indexOf('_');
        this.permissionName = (name().substring(0, split) + ":" + name().substring(split + 1)).toLowerCase(Locale.ROOT);
    }

    /** The external name, e.g. {@code task:create}. */
    public String permissionName() {
        return permissionName;
    }

    public String description() {
        return description;
    }

    public static Optional<Permission> byName(String name) {
        return Optional.ofNullable(name == null ? null : BY_NAME.get(name));
    }

    /** The external names, sorted, e.g. for an API answer. */
    public static SortedSet<String> names(Set<Permission> permissions) {
        return permissions.stream().map(Permission::permissionName).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The permissions in both sets. */
    public static Set<Permission> intersect(Set<Permission> some, Set<Permission> others) {
        Set<Permission> both = EnumSet.noneOf(Permission.class);
        both.addAll(some);
        both.retainAll(others);
        return both;
    }

    /** The permissions of these names (blank names skipped); an unknown name is bad input. */
    public static Set<Permission> allNamed(Collection<String> names) {
        Set<Permission> permissions = EnumSet.noneOf(Permission.class);
        for (String name : names) {
            if (name != null && !name.isBlank()) {
                permissions.add(byName(name.strip()).orElseThrow(() -> new InvalidInputException("unknown permission '"
                        + name + "'; GET /api/v1/admin/permissions lists them")));
            }
        }
        return permissions;
    }
}
