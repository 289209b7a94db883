package dev.helix.web.portal.admin;

import dev.helix.identity.model.Permission;
import dev.helix.identity.model.Role;
import dev.helix.identity.model.User;
import dev.helix.identity.service.UserDirectory;
import dev.helix.web.audit.AuditContext;
import dev.helix.web.audit.Audited;
import dev.helix.web.portal.ActionPermission;
import dev.helix.web.portal.PortalMessages;
import dev.helix.web.security.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The users page: every account, creating one, and changing, disabling, resetting or deleting one. */
@Named
@RequestScoped
public class UsersPage {

    @Inject
    UserDirectory users;

    @Inject
    ActionPermission permission;

    @Inject
    Caller caller;

    @Inject
    PortalMessages messages;

    @Inject
    AuditContext audit;

    private String username;
    private String password;
    private List<String> roles = List.of();
    private String selected;
    private String enabled = "";
    private String newPassword;

    public List<User> getUsers() {
        return caller.may(Permission.USER_READ) ? users.users() : List.of();
    }

    public List<String> getRoleNames() {
        return Arrays.stream(Role.values()).map(Role::roleName).toList();
    }

    @Audited("user.create")
    public void create() {
        if (!permission.granted(Permission.USER_MANAGE, "Creating users")) {
            return;
        }
        messages.attempt(() -> {
            User user = users.create(username, password, Role.allNamed(roles));
            audit.target("/api/v1/admin/users/" + user.getUsername());
            messages.done("User " + user.getUsername() + " created");
            username = null;
            roles = List.of();
        });
    }

    /** Applies what the change form holds: new roles, enabling or disabling, a new password; blank means unchanged. */
    @Audited("user.update")
    public void change() {
        if (!permission.granted(Permission.USER_MANAGE, "Changing users")) {
            return;
        }
        messages.attempt(() -> {
            User before = users.existing(selected);
            Map<String, Object> was = Map.of("roles", before.getRoles(), "enabled", before.isEnabled());
            audit.target("/api/v1/admin/users/" + selected);
            User after = users.update(selected, roles.isEmpty() ? Optional.empty() : Optional.of(Role.allNamed(roles)),
                    enabled.isEmpty() ? Optional.empty() : Optional.of(Boolean.parseBoolean(enabled)));
            if (newPassword != null && !newPassword.isEmpty()) {
                users.changePassword(selected, newPassword);
            }
            audit.change(was, Map.of("roles", after.getRoles(), "enabled", after.isEnabled(),
                    "passwordReset", newPassword != null && !newPassword.isEmpty()));
            messages.done("User " + selected + " changed");
        });
    }

    @Audited("user.delete")
    public void delete(String name) {
        if (!permission.granted(Permission.USER_MANAGE, "Deleting users")) {
            return;
        }
        messages.attempt(() -> {
            audit.target("/api/v1/admin/users/" + name);
            users.delete(name);
            messages.done("User " + name + " deleted; their API keys are revoked");
        });
    }


    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public List<String> getRoles() {
        return roles;
    }

    public void setRoles(List<String> roles) {
        this.roles = roles == null ? List.of() : roles;
    }

    public String getSelected() {
        return selected;
    }

    public void setSelected(String selected) {
        this.selected = selected;
    }

    public String getEnabled() {
        return enabled;
    }

    public void setEnabled(String enabled) {
        this.enabled = enabled == null ? "" : enabled;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }
}
