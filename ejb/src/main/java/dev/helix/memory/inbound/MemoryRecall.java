package dev.helix.memory.inbound;

import dev.helix.memory.model.MemoryHit;
import dev.helix.memory.model.NewMemory;
import dev.helix.memory.model.TaskRecall;
import dev.helix.memory.service.Memories;
import dev.helix.memory.service.MemoryIndex;
import dev.helix.providers.service.Embeddings;
import dev.helix.tasks.model.Task;
import dev.helix.tasks.port.PriorLearnings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Recalls the {@code helix.memory.recall} (3) memories of the default workspace most similar to a task's title
 * and prompt, those scoring at least {@code helix.memory.recall-min-score} (0.2), and records them on the task
 * in the caller's transaction. Memory being unavailable (index loading, embeddings endpoint down, the index's
 * reads failing: they run outside the caller's transaction) never holds a task up: it starts without.
 */
@ApplicationScoped
public class MemoryRecall implements PriorLearnings {

    private static final Logger LOG = Logger.getLogger(MemoryRecall.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    MemoryIndex index;

    @Inject
    Memories memories;

    @Inject
    Embeddings embeddings;

    @Inject
    @ConfigProperty(name = "helix.memory.recall", defaultValue = "3")
    int recall;

    @Inject
    @ConfigProperty(name = "helix.memory.recall-min-score", defaultValue = "0.2")
    float minScore;

    @Override
    public List<String> recallFor(Task task) {
        List<TaskRecall> earlier = memories.recalledBy(task.getId());
        if (!earlier.isEmpty() || recall < 1) {
            return earlier.stream().map(TaskRecall::getText).toList();
        }
        if (!index.ready()) {
            LOG.info(() -> "Task " + task.getId() + " starts without recalled memories: " + index.status().state());
            return List.of();
        }
        try {
            float[] query = embeddings.embed(List.of(task.getTitle() + "\n" + task.getPrompt())).get(0);
            List<MemoryHit> hits = index.search(query, recall, NewMemory.DEFAULT_WORKSPACE).stream()
                    .filter(h -> h.score() >= minScore).toList();
            Instant now = Instant.now();
            for (int i = 0; i < hits.size(); i++) {
                em.persist(new TaskRecall(task.getId(), i + 1, hits.get(i), now));
            }
            return hits.stream().map(h -> h.memory().getText()).toList();
        } catch (RuntimeException e) {
            LOG.warning(() -> "Task " + task.getId() + " starts without recalled memories: " + e.getMessage());
            return List.of();
        }
    }
}
