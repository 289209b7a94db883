package dev.helix.chatops.service;

import dev.helix.chatops.model.ChatLink;
import dev.helix.chatops.model.ChatPlatform;
import dev.helix.chatops.model.LinkCode;
import dev.helix.shared.error.InvalidInputException;
import dev.helix.shared.error.NotFoundException;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which Helix user each chat user is: a Helix user gets a one-time code, signed in, and sends it from the chat; from
 * then on that chat user acts as that Helix user. A chat user is linked to one Helix user at a time.
 */
@Stateless
public class ChatLinks {

    @PersistenceContext
    EntityManager em;

    /** A new one-time code for the Helix user, valid for ten minutes. */
    public LinkCode newCode(String username) {
        Instant now = Instant.now();
        em.createQuery("DELETE FROM LinkCode c WHERE c.expiresAt < :now").setParameter("now", now).executeUpdate();
        LinkCode code = new LinkCode(username, now);
        em.persist(code);
        return code;
    }

    /** Links the chat user who sent the code to the user it was issued to; a code is used once. */
    public ChatLink redeem(String code, ChatPlatform platform, String chatUserId) {
        LinkCode found = code == null ? null : em.find(LinkCode.class, code.strip().toUpperCase(Locale.ROOT));
        if (found == null || !found.isValidAt(Instant.now())) {
            throw new InvalidInputException("The code is unknown or expired: get a new one in Helix");
        }
        em.remove(found);
        ChatLink existing = em.find(ChatLink.class, ChatLink.idOf(platform, chatUserId));
        if (existing != null) {
            em.remove(existing);
            em.flush();
        }
        ChatLink link = new ChatLink(platform, chatUserId, found.getUsername(), Instant.now());
        em.persist(link);
        return link;
    }

    /** The Helix user the chat user is linked to. */
    public Optional<String> user(ChatPlatform platform, String chatUserId) {
        return Optional.ofNullable(em.find(ChatLink.class, ChatLink.idOf(platform, chatUserId))).map(ChatLink::getUsername);
    }

    /** A user's links, or everyone's for null. */
    public List<ChatLink> links(String username) {
        if (username == null) {
            return em.createQuery("SELECT l FROM ChatLink l ORDER BY l.username, l.platform", ChatLink.class).getResultList();
        }
        return em.createQuery("SELECT l FROM ChatLink l WHERE l.username = :u ORDER BY l.platform", ChatLink.class)
                .setParameter("u", username).getResultList();
    }

    /** Removes the user's link on a platform. */
    public void unlink(String username, ChatPlatform platform) {
        List<ChatLink> links = em.createQuery("SELECT l FROM ChatLink l WHERE l.username = :u AND l.platform = :p",
                ChatLink.class).setParameter("u", username).setParameter("p", platform).getResultList();
        if (links.isEmpty()) {
            throw new NotFoundException("Chat link on " + platform, username);
        }
        links.forEach(em::remove);
    }
}
