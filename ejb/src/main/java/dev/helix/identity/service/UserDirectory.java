package dev.helix.identity.service;

import dev.helix.identity.internal.VerifiedCredentialCache;
import dev.helix.identity.model.AdministratorStanding;
import dev.helix.identity.model.ApiKeysChanged;
import dev.helix.identity.model.PasswordChanged;
import dev.helix.identity.model.PasswordHasher;
import dev.helix.identity.model.Role;
import dev.helix.identity.model.User;
import dev.helix.shared.error.ConflictException;
import dev.helix.shared.error.InvalidInputException;
import dev.helix.shared.error.NotFoundException;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The users of Helix, stored in the database: local accounts with PBKDF2 password hashes, whose credentials it
 * checks, and accounts of single sign-on, which it creates and keeps in step with the identity provider's roles.
 */
@Stateless
public class UserDirectory {

    private static final Pattern USERNAME = Pattern.compile("[a-zA-Z0-9._@-]{2,64}");
    private static final int MIN_PASSWORD = 12;
    /** The initial administrator's name: always a local account, which single sign-on never takes over. */
    public static final String RESERVED = "admin";
    private static final String DECOY_HASH = PasswordHasher.hash(PasswordHasher.randomPassword());

    @PersistenceContext
    EntityManager em;

    @Inject
    VerifiedCredentialCache cache;

    @Inject
    Event<PasswordChanged> passwordChanges;

    @Inject
    Event<AdministratorStanding> standings;

    @Inject
    Event<ApiKeysChanged> keyChanges;

    /** The user's role names when the credentials are right and the user is enabled; empty otherwise. */
    public Optional<Set<String>> authenticate(String username, String password) {
        if (username == null || password == null) {
            return Optional.empty();
        }
        // A query, not em.find: Hibernate's find answers null when the database fails inside a transaction already
        // marked for rollback (a connection lost to a database restart), which would read as an unknown user, a wrong
        // password counted towards a lock-out, instead of the outage it is.
        User user = em.createQuery("SELECT u FROM User u WHERE u.username = :username", User.class)
                .setParameter("username", username).getResultStream().findFirst().orElse(null);
        if (user == null || !user.isEnabled() || !user.isLocal()) {
            // As slow as a real check, so that the answer's time does not tell which user names exist.
            PasswordHasher.verify(password, DECOY_HASH);
            return Optional.empty();
        }
        if (!cache.isVerified(username, password)) {
            if (!PasswordHasher.verify(password, user.getPasswordHash())) {
                return Optional.empty();
            }
            cache.remember(username, password);
        }
        return Optional.of(user.getRoles());
    }

    public Optional<User> user(String username) {
        return username == null ? Optional.empty() : Optional.ofNullable(em.find(User.class, username));
    }

    public List<User> users() {
        return em.createQuery("SELECT u FROM User u ORDER BY u.username", User.class).getResultList();
    }

    public User create(String username, String password, Set<Role> roles) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new InvalidInputException("username must be 2-64 letters, digits or . _ @ -");
        }
        checkPassword(password);
        if (roles.isEmpty()) {
            throw new InvalidInputException("a user needs at least one role");
        }
        if (em.find(User.class, username) != null) {
            throw new ConflictException("User '" + username + "' already exists");
        }
        User user = new User(username, PasswordHasher.hash(password), roles, Instant.now());
        em.persist(user);
        return user;
    }

    public User existing(String username) {
        return user(username).orElseThrow(() -> new NotFoundException("User", username));
    }

    /**
     * The account of someone the identity provider signed in, created on their first sign-in, with the roles the
     * provider grants now; an account whose realm roles grant no Helix role any more loses its roles (and so its
     * API keys their power). Empty when there is no account to sign in to: disabled in Helix, or no Helix role.
     *
     * @throws ConflictException when a local account or the reserved {@code admin} has that name: single sign-on
     *                           never takes one over
     */
    public Optional<User> signedInThroughSso(String username, Set<Role> roles) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new InvalidInputException("the identity provider's user name '" + username
                    + "' is not usable in Helix: 2-64 letters, digits or . _ @ -");
        }
        if (RESERVED.equals(username)) {
            throw new ConflictException("'" + username + "' is a local Helix account: single sign-on cannot sign in as it");
        }
        User user = em.find(User.class, username);
        if (user == null && roles.isEmpty()) {
            return Optional.empty();
        }
        if (user == null) {
            user = User.fromSingleSignOn(username, roles, Instant.now());
            em.persist(user);
            return Optional.of(user);
        }
        if (user.isLocal()) {
            throw new ConflictException("'" + username + "' is a local Helix account: single sign-on cannot sign in as it");
        }
        if (user.isEnabled() && !user.getRoles().equals(Role.names(roles))) {
            if (user.isAdmin() && !roles.contains(Role.ADMIN)) {
                requireAnotherActiveAdmin(username, "demote");
            }
            user.changeRoles(roles);
        }
        return Optional.of(user).filter(u -> u.isEnabled() && !roles.isEmpty());
    }

    /** An administrator changes a user's roles and/or enables or disables the account. */
    public User update(String username, Optional<Set<Role>> roles, Optional<Boolean> enabled) {
        User user = existing(username);
        roles.ifPresent(r -> {
            if (r.isEmpty()) {
                throw new InvalidInputException("a user needs at least one role");
            }
            if (!user.isLocal()) {
                throw new ConflictException("the roles of '" + username + "' come from the identity provider's realm "
                        + "roles: change them there");
            }
        });
        boolean losesAdmin = user.isAdmin() && (roles.map(r -> !r.contains(Role.ADMIN)).orElse(false)
                || enabled.map(e -> !e).orElse(false));
        if (losesAdmin) {
            requireAnotherActiveAdmin(username, "disable or demote");
        }
        roles.ifPresent(user::changeRoles);
        enabled.ifPresent(user::setEnabled);
        cache.forget(username);
        keyChanges.fire(new ApiKeysChanged(username));
        standings.fire(new AdministratorStanding(username, user.isEnabled() && user.isAdmin()));
        return user;
    }

    public void delete(String username) {
        User user = existing(username);
        if (user.isAdmin() && user.isEnabled()) {
            requireAnotherActiveAdmin(username, "delete");
        }
        em.remove(user);
        em.createQuery("UPDATE ApiKey k SET k.revokedAt = :now WHERE k.owner = :owner AND k.revokedAt IS NULL")
                .setParameter("now", Instant.now()).setParameter("owner", username).executeUpdate();
        cache.forget(username);
        keyChanges.fire(new ApiKeysChanged(username));
        standings.fire(new AdministratorStanding(username, false));
    }

    /** Sets a new password (an administrator's reset, or the bootstrap). */
    public void changePassword(String username, String password) {
        checkPassword(password);
        User user = existing(username);
        if (!user.isLocal()) {
            throw new ConflictException("'" + username + "' signs in through single sign-on and has no Helix password");
        }
        user.changePasswordHash(PasswordHasher.hash(password));
        cache.forget(username);
        passwordChanges.fire(new PasswordChanged(username, password));
    }

    /** A user changes their own password, proving they know the current one. */
    public void changeOwnPassword(String username, String currentPassword, String newPassword) {
        User user = existing(username);
        if (!user.isLocal()) {
            throw new ConflictException("you sign in through single sign-on: change your password at the identity provider");
        }
        if (currentPassword == null || !PasswordHasher.verify(currentPassword, user.getPasswordHash())) {
            throw new InvalidInputException("the current password is wrong");
        }
        changePassword(username, newPassword);
    }

    /**
     * Refuses to take away the last enabled administrator. Locks every enabled administrator's row first, so that two
     * administrators demoting each other at once cannot both pass: the second waits and then counts again.
     */
    private void requireAnotherActiveAdmin(String username, String action) {
        long others = em.createQuery("SELECT u FROM User u WHERE u.enabled = TRUE AND u.roles LIKE :admin", User.class)
                .setParameter("admin", "%" + Role.ADMIN.roleName() + "%").setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList().stream().filter(u -> u.isAdmin() && !u.getUsername().equals(username))
                .count();
        if (others == 0) {
            throw new ConflictException("Cannot " + action + " '" + username + "': it is the last enabled administrator");
        }
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new InvalidInputException("password must have at least " + MIN_PASSWORD + " characters");
        }
    }
}
