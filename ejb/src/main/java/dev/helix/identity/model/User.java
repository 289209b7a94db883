package dev.helix.identity.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** A person or service account that signs in to Helix, with a PBKDF2 password hash and roles. */
@Entity
@Table(name = "helix_user")
public class User {

    @Id
    private String username;

    @Column(name = "password_hash", nullable = false, length = 512)
    private String passwordHash;

    /** Comma-separated role names. */
    @Column(nullable = false)
    private String roles;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected User() {
    }

    public User(String username, String passwordHash, Set<Role> roles, Instant createdAt) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.roles = roles.stream().map(Role::roleName).sorted().collect(Collectors.joining(","));
        this.enabled = true;
        this.createdAt = createdAt;
    }

    public String getUsername() {
        return username;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public void changePasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    /** Role names, e.g. {@code [admin]}. */
    public Set<String> getRoles() {
        return Arrays.stream(roles.split(",")).map(String::strip).filter(r -> !r.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void changeRoles(Set<Role> newRoles) {
        this.roles = newRoles.stream().map(Role::roleName).sorted().collect(Collectors.joining(","));
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean isAdmin() {
        return getRoles().contains(Role.ADMIN.roleName());
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
