package dev.helix.chatops.service;

import dev.helix.chatops.model.ChatFollowUp;
import dev.helix.chatops.model.ChatPlatform;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The chat answers that wait to be followed up, one per task a chat command created. */
@Stateless
public class ChatFollowUps {

    @PersistenceContext
    EntityManager em;

    /** Follows the task up at {@code url} while the platform takes it ({@code validFor} from now). */
    public void expect(long taskId, ChatPlatform platform, String url, Duration validFor) {
        em.persist(new ChatFollowUp(taskId, platform, url, Instant.now().plus(validFor)));
    }

    /** Takes the task's follow-ups that may still be sent: each is sent once. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<ChatFollowUp> take(long taskId) {
        List<ChatFollowUp> waiting = em.createQuery("SELECT f FROM ChatFollowUp f WHERE f.taskId = :task",
                ChatFollowUp.class).setParameter("task", taskId).getResultList();
        waiting.forEach(em::remove);
        Instant now = Instant.now();
        return waiting.stream().filter(f -> f.getExpiresAt().isAfter(now)).toList();
    }
}
