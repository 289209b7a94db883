package dev.helix.tasks.service;

import dev.helix.metering.model.UsageEntry;
import dev.helix.metering.model.UsageSource;
import dev.helix.metering.service.UsageMeter;
import dev.helix.projects.service.Projects;
import dev.helix.shared.error.NotFoundException;
import dev.helix.shared.model.TokenCount;
import dev.helix.tasks.model.ClaimedStep;
import dev.helix.tasks.model.ExchangeSummary;
import dev.helix.tasks.model.ModelExchange;
import dev.helix.tasks.model.RecordedStep;
import dev.helix.tasks.model.Task;
import dev.helix.tasks.model.TokenUsage;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/**
 * Tasks' transcripts: every call of their agents' models, each recorded as it ends in a transaction of its own;
 * the calls of a step whose answer was taken are marked so, and are what a replay of the task answers with.
 */
@Stateless
public class ModelTranscripts {

    @PersistenceContext
    EntityManager em;

    @Inject
    UsageMeter meter;

    @Inject
    Projects projects;

    /** Records a call, and meters what it cost for the task's requester and project, in one transaction of its own. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(ModelExchange exchange, TokenCount tokens) {
        em.persist(exchange);
        Task task = em.find(Task.class, exchange.getTaskId());
        String project = task == null || task.getProjectId() == null ? null : projects.find(task.getProjectId()).getName();
        String deployment = exchange.getProvider() + "/" + exchange.getModel();
        meter.record(new UsageEntry(exchange.getAt(), UsageSource.AGENT, exchange.getRequestedBy(), null, null, project,
                exchange.getTaskId(), deployment, deployment, tokens, false, false,
                exchange.getFailure() == null ? 200 : 502, exchange.getDurationMs()));
    }

    /** The task's model calls, oldest first, from the one after {@code afterId} on (0 for all), at most {@code limit}. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<ModelExchange> of(long taskId, long afterId, int limit) {
        if (em.find(Task.class, taskId) == null) {
            throw new NotFoundException("Task", taskId);
        }
        return em.createQuery("SELECT e FROM ModelExchange e WHERE e.taskId = :task AND e.id > :after ORDER BY e.id",
                        ModelExchange.class)
                .setParameter("task", taskId).setParameter("after", afterId).setMaxResults(limit).getResultList();
    }

    /** The task's model calls, oldest first, at most {@code limit}, each without its request and with its answer's start. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<ExchangeSummary> summaries(long taskId, int limit) {
        return em.createQuery("SELECT e.id, e.orderSeq, e.step, e.itemNumber, e.round, e.provider, e.model, "
                        + "SUBSTRING(e.answer, 1, " + ExchangeSummary.ANSWER_START + "), e.failure, e.tokens, e.durationMs "
                        + "FROM ModelExchange e WHERE e.taskId = :task ORDER BY e.id", Object[].class)
                .setParameter("task", taskId).setMaxResults(limit).getResultList().stream()
                .map(row -> new ExchangeSummary((Long) row[0], (Long) row[1], (ClaimedStep.Kind) row[2], (Integer) row[3],
                        (Integer) row[4], (String) row[5], (String) row[6], (String) row[7], (String) row[8], (Long) row[9],
                        (Long) row[10]))
                .toList();
    }

    /**
     * Marks the step's calls as the ones its answer came from; in the transaction that records the answer. An item
     * whose commit was found from an earlier try (the server went down between the commit and its record) asked no
     * model this time: the calls of that earlier try are marked instead.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void completed(ClaimedStep step) {
        int marked = em.createQuery("UPDATE ModelExchange e SET e.stepCompleted = TRUE WHERE e.taskId = :task AND e.orderSeq = :seq")
                .setParameter("task", step.taskId()).setParameter("seq", step.order().seq()).executeUpdate();
        if (marked == 0 && step.kind() == ClaimedStep.Kind.WORK_ITEM) {
            em.createQuery("UPDATE ModelExchange e SET e.stepCompleted = TRUE WHERE e.taskId = :task AND e.orderSeq = "
                            + "(SELECT MAX(p.orderSeq) FROM ModelExchange p WHERE p.taskId = :task AND p.step = :kind "
                            + "AND p.itemNumber = :item AND p.orderSeq < :seq)")
                    .setParameter("task", step.taskId()).setParameter("kind", step.kind())
                    .setParameter("item", step.itemNumber()).setParameter("seq", step.order().seq()).executeUpdate();
        }
    }

    /** The tokens the calls of this step (this work order) cost. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long tokensOf(ClaimedStep step) {
        return em.createQuery("SELECT COALESCE(SUM(e.tokens), 0) FROM ModelExchange e WHERE e.taskId = :task AND e.orderSeq = :seq",
                        Long.class)
                .setParameter("task", step.taskId()).setParameter("seq", step.order().seq()).getSingleResult();
    }

    /** Whether the task has a completed step whose answers a replay could give again. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean hasCompletedSteps(long taskId) {
        return !em.createQuery("SELECT e.id FROM ModelExchange e WHERE e.taskId = :task AND e.stepCompleted = TRUE", Long.class)
                .setParameter("task", taskId).setMaxResults(1).getResultList().isEmpty();
    }

    /**
     * The {@code nth} (from 0) completed step of the task that was of this kind and on this checklist item, with its
     * answers in order; empty when the task completed fewer such steps.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<RecordedStep> recordedStep(long taskId, ClaimedStep.Kind kind, int itemNumber, int nth) {
        List<Long> steps = em.createQuery("SELECT DISTINCT e.orderSeq FROM ModelExchange e WHERE e.taskId = :task "
                        + "AND e.step = :kind AND e.itemNumber = :item AND e.stepCompleted = TRUE ORDER BY e.orderSeq", Long.class)
                .setParameter("task", taskId).setParameter("kind", kind).setParameter("item", itemNumber).getResultList();
        if (nth >= steps.size()) {
            return Optional.empty();
        }
        List<Object[]> rows = em.createQuery("SELECT e.item, e.answer, e.round FROM ModelExchange e WHERE e.taskId = :task "
                        + "AND e.orderSeq = :seq AND e.answer IS NOT NULL ORDER BY e.round", Object[].class)
                .setParameter("task", taskId).setParameter("seq", steps.get(nth)).getResultList();
        int missing = 0;
        for (int i = 0; i < rows.size() && missing == 0; i++) {
            missing = (Integer) rows.get(i)[2] == i + 1 ? 0 : i + 1;
        }
        return Optional.of(new RecordedStep(rows.isEmpty() ? null : (String) rows.get(0)[0],
                rows.stream().map(row -> (String) row[1]).toList(), missing));
    }

    /** How many steps of this kind, on this checklist item, the task has completed. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public int completedSteps(long taskId, ClaimedStep.Kind kind, int itemNumber) {
        return em.createQuery("SELECT COUNT(DISTINCT e.orderSeq) FROM ModelExchange e WHERE e.taskId = :task "
                        + "AND e.step = :kind AND e.itemNumber = :item AND e.stepCompleted = TRUE", Long.class)
                .setParameter("task", taskId).setParameter("kind", kind).setParameter("item", itemNumber).getSingleResult()
                .intValue();
    }

    /** The tokens the models spent on each user's tasks, most first; for one user when {@code user} is given. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<TokenUsage> usageByUser(String user) {
        String where = user == null ? "" : " WHERE e.requestedBy = :user";
        var query = em.createQuery("SELECT e.requestedBy, SUM(e.tokens), COUNT(e), COUNT(DISTINCT e.taskId) FROM ModelExchange e"
                + where + " GROUP BY e.requestedBy ORDER BY SUM(e.tokens) DESC, e.requestedBy", Object[].class);
        if (user != null) {
            query.setParameter("user", user);
        }
        return query.getResultList().stream().map(row -> new TokenUsage((String) row[0], ((Number) row[1]).longValue(),
                ((Number) row[2]).longValue(), ((Number) row[3]).longValue())).toList();
    }
}
