package dev.helix.tasks.service;

import dev.helix.shared.error.NotFoundException;
import dev.helix.tasks.model.Task;
import dev.helix.tasks.model.ToolCall;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** The tool calls of tasks' agents: each recorded as it ends, in a transaction of its own, and read back in order. */
@Stateless
public class TaskActivity {

    @PersistenceContext
    EntityManager em;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(ToolCall call) {
        em.persist(call);
    }

    /** The task's tool calls, oldest first, from the one after {@code afterId} on (0 for all), at most {@code limit}. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<ToolCall> of(long taskId, long afterId, int limit) {
        if (em.find(Task.class, taskId) == null) {
            throw new NotFoundException("Task", taskId);
        }
        return em.createQuery("SELECT c FROM ToolCall c WHERE c.taskId = :task AND c.id > :after ORDER BY c.id", ToolCall.class)
                .setParameter("task", taskId).setParameter("after", afterId).setMaxResults(limit).getResultList();
    }

    /** How many tool calls the task's agents have made. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long count(long taskId) {
        return em.createQuery("SELECT COUNT(c) FROM ToolCall c WHERE c.taskId = :task", Long.class)
                .setParameter("task", taskId).getSingleResult();
    }
}
