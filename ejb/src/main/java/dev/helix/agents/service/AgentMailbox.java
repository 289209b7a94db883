package dev.helix.agents.service;

import dev.helix.agents.model.AgentMessage;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;

/** The agents' inboxes, one per role: messages are posted to a role that the gallery knows. */
@Stateless
public class AgentMailbox {

    @PersistenceContext
    EntityManager em;

    @Inject
    AgentGallery gallery;

    /** Posts a message to the agents of a role (an unknown role is a 404). */
    public AgentMessage post(String role, String sender, String body) {
        gallery.profile(role);
        AgentMessage message = new AgentMessage(role, sender, body, Instant.now());
        em.persist(message);
        return message;
    }

    /** The newest messages to a role, newest first. */
    public List<AgentMessage> inbox(String role, int limit) {
        return em.createQuery("SELECT m FROM AgentMessage m WHERE m.toRole = :role ORDER BY m.id DESC", AgentMessage.class)
                .setParameter("role", role).setMaxResults(limit).getResultList();
    }
}
