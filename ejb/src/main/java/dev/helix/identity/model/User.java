package dev.helix.identity.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A person or service account that signs in to Helix: a local account with a PBKDF2 password hash and roles, or an
 * account of single sign-on, which has no password here and whose roles follow the identity provider.
 */
@Entity
@Table(name = "helix_user")
public class User {

    @Id
    private String username;

    @Column(name = "password_hash", length = 512)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private AccountOrigin origin;

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
        this(username, passwordHash, AccountOrigin.LOCAL, roles, createdAt);
    }

    private User(String username, String passwordHash, AccountOrigin origin, Set<Role> roles, Instant createdAt) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.origin = origin;
        this.roles = joined(roles);
        this.enabled = true;
        this.createdAt = createdAt;
    }

    /** An account created on its first sign-in through single sign-on. */
    public static User fromSingleSignOn(String username, Set<Role> roles, Instant createdAt) {
        return new User(username, null, AccountOrigin.SSO, roles, createdAt);
    }

    public AccountOrigin getOrigin() {
        return origin;
    }

    public boolean isLocal() {
        return origin == AccountOrigin.LOCAL;
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
        this.roles = joined(newRoles);
    }

    private static String joined(Set<Role> roles) {
        return roles.stream().map(Role::roleName).sorted().collect(Collectors.joining(","));
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
