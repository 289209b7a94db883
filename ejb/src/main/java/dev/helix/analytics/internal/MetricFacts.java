package dev.helix.analytics.internal;

import dev.helix.agents.model.AgentStatus;
import dev.helix.agents.model.PoolStatistics;
import dev.helix.agents.service.AgentPool;
import dev.helix.tasks.model.Decision;
import dev.helix.tasks.model.TaskStatus;
import dev.helix.tasks.service.TaskService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What the platform's own records say happened in an interval [from, to): tasks accepted, done and failed
 * (from their transitions), failed deliveries, reviews, and the agents' running totals. The analytics read
 * model over the tasks and agents contexts.
 */
@ApplicationScoped
public class MetricFacts {

    private static final Set<TaskStatus> FAILED = Set.of(TaskStatus.SPEC_FAILED, TaskStatus.IMPLEMENTATION_FAILED);

    @PersistenceContext
    EntityManager em;

    @Inject
    TaskService tasks;

    @Inject
    AgentPool pool;

    public long tasksCreated(Instant from, Instant to) {
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

    public long tasksFailed(Instant from, Instant to) {
        return em.createQuery("SELECT COUNT(t) FROM TaskTransition t WHERE t.to IN :failed AND t.at >= :from AND t.at < :to",
                        Long.class)
                .setParameter("failed", FAILED).setParameter("from", from).setParameter("to", to).getSingleResult();
    }

    /** Tasks accepted and not finished now. */
    public long tasksOpen() {
        return tasks.countsByStatus().entrySet().stream().filter(e -> !e.getKey().isTerminal())
                .mapToLong(e -> e.getValue()).sum();
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

    /** The pool now: agents by status and utilisation. */
    public PoolStatistics agents() {
        return pool.statistics();
    }

    /** Agents running now (not stopped), and of those the ones not failed. */
    public Standing standing() {
        PoolStatistics agents = pool.statistics();
        long running = agents.total() - agents.byStatus().getOrDefault(AgentStatus.STOPPED, 0L);
        return new Standing(running, running - agents.byStatus().getOrDefault(AgentStatus.FAILED, 0L));
    }

    /** The agents' running totals of steps completed and tokens spent, over all agents ever started. */
    public Totals totals() {
        Object[] row = em.createQuery("SELECT SUM(a.stepsCompleted), SUM(a.tokensUsed) FROM Agent a", Object[].class)
                .getSingleResult();
        return new Totals(count(row[0]), count(row[1]));
    }

    private static long count(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    /** Tasks that had a failed delivery, and of those the ones that did not end failed. */
    public record Recovery(long tasksWithFailures, long recovered) {
    }

    /** Agents running, and of those the ones not failed. */
    public record Standing(long running, long healthy) {
    }

    /** Running totals over all agents. */
    public record Totals(long steps, long tokens) {
    }
}
