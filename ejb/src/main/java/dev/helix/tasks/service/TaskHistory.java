package dev.helix.tasks.service;

import dev.helix.tasks.model.Decision;
import dev.helix.tasks.model.TaskStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * What the tasks' own records say happened: in an interval [from, to), tasks accepted, done and failed (from their
 * transitions), failed deliveries and reviews; how many tasks are open now; which tasks are done, and a task's
 * delivery errors. What analytics counts tasks by and memory learns from.
 */
@ApplicationScoped
public class TaskHistory {

    private static final Set<TaskStatus> FAILED = Set.of(TaskStatus.SPEC_FAILED, TaskStatus.IMPLEMENTATION_FAILED);
    private static final List<TaskStatus> TERMINAL = Arrays.stream(TaskStatus.values()).filter(TaskStatus::isTerminal).toList();

    @PersistenceContext
    EntityManager em;

    public long created(Instant from, Instant to) {
        return em.createQuery("SELECT COUNT(t) FROM Task t WHERE t.createdAt >= :from AND t.createdAt < :to", Long.class)
                .setParameter("from", from).setParameter("to", to).getSingleResult();
    }

    /** How long each task that reached DONE in the interval took from acceptance. */
    public List<Duration> completions(Instant from, Instant to) {
        return em.createQuery("SELECT k.createdAt, t.at FROM TaskTransition t, Task k WHERE k.id = t.taskId "
                        + "AND t.to = :done AND t.at >= :from AND t.at < :to", Object[].class)
                .setParameter("done", TaskStatus.DONE).setParameter("from", from).setParameter("to", to).getResultStream()
                .map(row -> Duration.between((Instant) row[0], (Instant) row[1])).toList();
    }

    /** Tasks that reached DONE in the interval and that no reviewer ever rejected. */
    public long doneWithoutRework(Instant from, Instant to) {
        return em.createQuery("SELECT COUNT(t) FROM TaskTransition t WHERE t.to = :done AND t.at >= :from AND t.at < :to "
                        + "AND NOT EXISTS (SELECT a FROM Approval a WHERE a.taskId = t.taskId AND a.decision = :reject)", Long.class)
                .setParameter("done", TaskStatus.DONE).setParameter("reject", Decision.REJECT)
                .setParameter("from", from).setParameter("to", to).getSingleResult();
    }

    public long failed(Instant from, Instant to) {
        return em.createQuery("SELECT COUNT(t) FROM TaskTransition t WHERE t.to IN :failed AND t.at >= :from AND t.at < :to",
                        Long.class)
                .setParameter("failed", FAILED).setParameter("from", from).setParameter("to", to).getSingleResult();
    }

    /** Tasks accepted and not finished now. */
    public long open() {
        return em.createQuery("SELECT COUNT(t) FROM Task t WHERE t.status NOT IN :terminal", Long.class)
                .setParameter("terminal", TERMINAL).getSingleResult();
    }

    public long deliveryFailures(Instant from, Instant to) {
        return em.createQuery("SELECT COUNT(f) FROM DispatchFailure f WHERE f.at >= :from AND f.at < :to", Long.class)
                .setParameter("from", from).setParameter("to", to).getSingleResult();
    }

    /** Tasks with a failed delivery in the interval, and how many of them have not ended failed. */
    public Recovery recovery(Instant from, Instant to) {
        Object[] row = em.createQuery("SELECT COUNT(DISTINCT k.id), COUNT(DISTINCT CASE WHEN k.status NOT IN :failed THEN k.id END) "
                        + "FROM Task k WHERE EXISTS (SELECT f FROM DispatchFailure f WHERE f.taskId = k.id AND f.at >= :from "
                        + "AND f.at < :to)", Object[].class)
                .setParameter("failed", FAILED).setParameter("from", from).setParameter("to", to).getSingleResult();
        return new Recovery(count(row[0]), count(row[1]));
    }

    public long reviews(Decision decision, Instant from, Instant to) {
        return em.createQuery("SELECT COUNT(a) FROM Approval a WHERE a.decision = :decision AND a.decidedAt >= :from "
                        + "AND a.decidedAt < :to", Long.class)
                .setParameter("decision", decision).setParameter("from", from).setParameter("to", to).getSingleResult();
    }

    /** The errors of a task's failed deliveries, oldest first. */
    public List<String> deliveryErrors(long taskId) {
        return em.createQuery("SELECT f.error FROM DispatchFailure f WHERE f.taskId = :task ORDER BY f.id", String.class)
                .setParameter("task", taskId).getResultList();
    }

    /** Ids of DONE tasks after {@code afterId}, in id order, at most {@code limit}. */
    public List<Long> doneIds(long afterId, int limit) {
        return em.createQuery("SELECT t.id FROM Task t WHERE t.status = :done AND t.id > :after ORDER BY t.id", Long.class)
                .setParameter("done", TaskStatus.DONE).setParameter("after", afterId).setMaxResults(limit).getResultList();
    }

    private static long count(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    /** Tasks that had a failed delivery, and of those the ones that did not end failed. */
    public record Recovery(long tasksWithFailures, long recovered) {
    }
}
