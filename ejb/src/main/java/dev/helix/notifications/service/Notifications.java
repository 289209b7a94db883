package dev.helix.notifications.service;

import dev.helix.identity.service.UserDirectory;
import dev.helix.notifications.model.Notification;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

/** Notices for users: sent by Helix (spirals, rituals), read by each user for themselves. */
@Stateless
public class Notifications {

    private static final Logger LOG = Logger.getLogger(Notifications.class.getName());
    private static final int MAX_MESSAGE = 4000;

    @PersistenceContext
    EntityManager em;

    @Inject
    UserDirectory users;

    /** Notifies each user (an unknown user is a 404, and nobody is notified). */
    public void notify(List<String> usernames, String message, String source) {
        usernames.forEach(users::existing);
        String text = message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE);
        Instant now = Instant.now();
        usernames.forEach(user -> em.persist(new Notification(user, text, source, now)));
    }

    /** Notifies each named user that exists; names of users that do not exist are logged and skipped. */
    public void notifyExisting(List<String> named, String message, String source) {
        List<String> names = named.stream().map(String::strip).filter(u -> !u.isEmpty()).toList();
        List<String> known = names.stream().filter(u -> users.user(u).isPresent()).toList();
        if (known.size() < names.size()) {
            LOG.warning(() -> "Notifications for " + source + " name users that do not exist: " + names);
        }
        if (!known.isEmpty()) {
            notify(known, message, source);
        }
    }

    /** A user's newest notifications, newest first. */
    public List<Notification> of(String username, int limit) {
        return em.createQuery("SELECT n FROM Notification n WHERE n.username = :user ORDER BY n.id DESC", Notification.class)
                .setParameter("user", username).setMaxResults(limit).getResultList();
    }
}
