package dev.helix.identity.service;

import dev.helix.identity.internal.VerifiedCredentialCache;
import dev.helix.identity.model.PasswordHasher;
import dev.helix.identity.model.Role;
import dev.helix.identity.model.User;
import dev.helix.shared.model.ConflictException;
import dev.helix.shared.model.InvalidInputException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The users of Helix, stored in the database with PBKDF2 password hashes; checks credentials. */
@Stateless
public class UserDirectory {

    private static final Pattern USERNAME = Pattern.compile("[a-zA-Z0-9._@-]{2,64}");
    private static final int MIN_PASSWORD = 12;

    @PersistenceContext
    EntityManager em;

    @Inject
    VerifiedCredentialCache cache;

    /** The user's role names when the credentials are right and the user is enabled; empty otherwise. */
    public Optional<Set<String>> authenticate(String username, String password) {
        if (username == null || password == null) {
            return Optional.empty();
        }
        User user = em.find(User.class, username);
        if (user == null || !user.isEnabled()) {
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
        return Optional.ofNullable(em.find(User.class, username));
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

    public void changePassword(String username, String password) {
        checkPassword(password);
        User user = em.find(User.class, username);
        user.changePasswordHash(PasswordHasher.hash(password));
        cache.forget(username);
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new InvalidInputException("password must have at least " + MIN_PASSWORD + " characters");
        }
    }
}
