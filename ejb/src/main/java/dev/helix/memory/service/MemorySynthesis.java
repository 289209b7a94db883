package dev.helix.memory.service;

import dev.helix.memory.model.Learnings;
import dev.helix.memory.model.Memory;
import dev.helix.memory.model.MemorySynthesisRecord;
import dev.helix.tasks.model.Approval;
import dev.helix.tasks.model.Decision;
import dev.helix.tasks.model.Task;
import dev.helix.tasks.model.TaskStatus;
import dev.helix.tasks.service.TaskHistory;
import dev.helix.tasks.service.TaskService;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Stores the learnings of finished tasks in memory, once per task: the memories and the task's
 * {@link MemorySynthesisRecord} commit together, so a second attempt (after a crash, or from the
 * memory-synthesis ritual's sweep) finds the task done and stores nothing.
 */
@Stateless
public class MemorySynthesis {

    /** Who memories synthesised from tasks are recorded as created by. */
    public static final String ACTOR = "memory-synthesis";
    private static final int PAGE = 500;

    @PersistenceContext
    EntityManager em;

    @Inject
    Memories memories;

    @Inject
    TaskService tasks;

    @Inject
    TaskHistory history;

    /**
     * Synthesises one task's learnings if it is DONE and not synthesised yet, in a transaction of its own (a
     * sweep's other tasks are not held up, or rolled back, by one); answers how many memories.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int synthesise(long taskId) {
        Task task = tasks.find(taskId).orElse(null);
        if (task == null || task.getStatus() != TaskStatus.DONE || em.find(MemorySynthesisRecord.class, taskId) != null) {
            return 0;
        }
        List<String> failures = history.deliveryErrors(taskId);
        List<String> rejections = tasks.approvals(taskId).stream().filter(a -> a.getDecision() == Decision.REJECT)
                .map(Approval::getComment).toList();
        Learnings learnings = new Learnings(task.getTitle(), task.getPrompt(), task.getRequirements(), task.getPlan(),
                failures, rejections);
        List<Memory> stored = memories.remember(learnings.memories(taskId), ACTOR);
        em.persist(new MemorySynthesisRecord(taskId, stored.size(), Instant.now()));
        return stored.size();
    }

    /**
     * Finished tasks whose learnings are not in memory yet, oldest first: the done tasks, a page of ids at a time from
     * the tasks' history, less those already synthesised. A sweep reads every done task's id once (two queries per
     * 500), the price of asking the tasks context instead of joining its table.
     */
    public List<Long> pending(int limit) {
        List<Long> pending = new ArrayList<>();
        long after = 0;
        while (pending.size() < limit) {
            List<Long> done = history.doneIds(after, PAGE);
            if (done.isEmpty()) {
                break;
            }
            Set<Long> synthesised = new HashSet<>(em.createQuery("SELECT s.taskId FROM MemorySynthesisRecord s "
                    + "WHERE s.taskId IN :ids", Long.class).setParameter("ids", done).getResultList());
            done.stream().filter(id -> !synthesised.contains(id)).limit(limit - pending.size()).forEach(pending::add);
            after = done.get(done.size() - 1);
        }
        return pending;
    }
}
