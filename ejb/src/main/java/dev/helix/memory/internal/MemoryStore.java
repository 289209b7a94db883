package dev.helix.memory.internal;

import dev.helix.memory.model.Memory;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The memory table for the index: pages in id order for loading it, lookups by id, re-embedding. Each call runs
 * in a transaction of its own, so trouble here never dooms the caller's work (an agent's work step recalling
 * memories). Its own, rather than none: an entity manager outside a transaction is closed only as the container
 * ends the call, too late for Liberty to hand the connection back cleanly (J2CA0026E).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class MemoryStore {

    @PersistenceContext
    EntityManager em;

    /** How many memories have ids above {@code afterId}. */
    public long countAfter(long afterId) {
        return em.createQuery("SELECT COUNT(m) FROM Memory m WHERE m.id > :after", Long.class)
                .setParameter("after", afterId).getSingleResult();
    }

    /** Up to {@code limit} memories with ids above {@code afterId}, in id order. */
    public List<Memory> page(long afterId, int limit) {
        return em.createQuery("SELECT m FROM Memory m WHERE m.id > :after ORDER BY m.id", Memory.class)
                .setParameter("after", afterId).setMaxResults(limit).getResultList();
    }

    /**
     * Ids of memories above {@code afterId} or created since {@code since}: the second catches rows whose
     * transaction committed after a higher id was already seen.
     */
    public List<Long> newerIds(long afterId, Instant since) {
        return em.createQuery("SELECT m.id FROM Memory m WHERE m.id > :after OR m.createdAt >= :since ORDER BY m.id",
                Long.class).setParameter("after", afterId).setParameter("since", since).getResultList();
    }

    public Map<Long, Memory> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("SELECT m FROM Memory m WHERE m.id IN :ids", Memory.class).setParameter("ids", ids)
                .getResultStream().collect(Collectors.toMap(Memory::getId, Function.identity()));
    }

    /** Replaces the embeddings of memories made by another embedder. */
    public void reembed(List<Memory> memories, String embedder, List<float[]> vectors) {
        Map<Long, Memory> stored = byIds(memories.stream().map(Memory::getId).toList());
        for (int i = 0; i < memories.size(); i++) {
            Memory memory = stored.get(memories.get(i).getId());
            if (memory != null) {
                memory.embedWith(embedder, vectors.get(i));
            }
            memories.get(i).embedWith(embedder, vectors.get(i));
        }
    }
}
