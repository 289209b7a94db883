package dev.helix.memory.service;

import dev.helix.compute.model.SimilarityIndex;
import dev.helix.memory.model.IndexStatus;
import dev.helix.memory.model.Memory;
import dev.helix.memory.model.MemoryChanged;
import dev.helix.memory.model.MemoryHit;
import dev.helix.memory.model.NewMemory;
import dev.helix.memory.model.TaskRecall;
import dev.helix.providers.service.Embeddings;
import dev.helix.shared.model.Abbreviation;
import dev.helix.shared.error.InvalidInputException;
import dev.helix.shared.error.NotFoundException;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The fleet's memory (C4): remember, search, read and forget; what a task recalled. */
@Stateless
public class Memories {

    @PersistenceContext
    EntityManager em;

    @Inject
    Embeddings embeddings;

    @Inject
    MemoryIndex index;

    @Inject
    Event<MemoryChanged> changes;

    /** Embeds and stores memories; each is searchable once the transaction commits. */
    public List<Memory> remember(List<NewMemory> memories, String actor) {
        List<float[]> vectors = embed(memories.stream().map(NewMemory::text).toList());
        Instant now = Instant.now();
        List<Memory> stored = new ArrayList<>();
        for (int i = 0; i < memories.size(); i++) {
            Memory memory = new Memory(memories.get(i), embeddings.name(), vectors.get(i), actor, now);
            em.persist(memory);
            stored.add(memory);
        }
        em.flush();
        for (int i = 0; i < stored.size(); i++) {
            changes.fire(new MemoryChanged(stored.get(i).getId(), stored.get(i).getWorkspace(), vectors.get(i)));
        }
        return stored;
    }

    public Memory remember(NewMemory memory, String actor) {
        return remember(List.of(memory), actor).get(0);
    }

    /** The k memories most similar to the query, best first, in one workspace or (scope {@code null}) all. */
    public List<MemoryHit> search(String query, int k, String scope) {
        if (query == null || query.isBlank()) {
            throw new InvalidInputException("A search needs a query text");
        }
        if (query.length() > Memory.MAX_TEXT) {
            throw new InvalidInputException("A query may hold " + Memory.MAX_TEXT + " characters, not " + query.length());
        }
        if (k < 1 || k > SimilarityIndex.MAX_K) {
            throw new InvalidInputException("k must be 1 to " + SimilarityIndex.MAX_K + ", not " + k);
        }
        String workspace = scope == null ? null : NewMemory.workspace(scope);
        index.requireReady(); // before asking the embedder, which may be a remote call
        return index.search(embed(List.of(query)).get(0), k, workspace);
    }

    public Memory memory(long id) {
        Memory memory = em.find(Memory.class, id);
        if (memory == null) {
            throw new NotFoundException("Memory", id);
        }
        return memory;
    }

    /** The newest memories, of one workspace or (scope {@code null}) all. */
    public List<Memory> latest(String scope, int limit) {
        if (scope == null) {
            return em.createQuery("SELECT m FROM Memory m ORDER BY m.id DESC", Memory.class).setMaxResults(limit)
                    .getResultList();
        }
        return em.createQuery("SELECT m FROM Memory m WHERE m.workspace = :workspace ORDER BY m.id DESC", Memory.class)
                .setParameter("workspace", NewMemory.workspace(scope)).setMaxResults(limit).getResultList();
    }

    public void forget(long id) {
        Memory memory = memory(id);
        em.remove(memory);
        changes.fire(new MemoryChanged(id, memory.getWorkspace(), null));
    }

    /** The memories recalled into a task's context, best first. */
    public List<TaskRecall> recalledBy(long taskId) {
        return em.createQuery("SELECT r FROM TaskRecall r WHERE r.taskId = :task ORDER BY r.rank", TaskRecall.class)
                .setParameter("task", taskId).getResultList();
    }

    public IndexStatus status() {
        return index.status();
    }

    private List<float[]> embed(List<String> texts) {
        List<float[]> vectors = embeddings.embed(texts);
        for (int i = 0; i < vectors.size(); i++) {
            if (isZero(vectors.get(i))) {
                throw new InvalidInputException("'" + Abbreviation.of(texts.get(i), 40) + "' has no words to remember or find it by");
            }
        }
        return vectors;
    }

    private static boolean isZero(float[] vector) {
        for (float v : vector) {
            if (v != 0) {
                return false;
            }
        }
        return true;
    }
}
