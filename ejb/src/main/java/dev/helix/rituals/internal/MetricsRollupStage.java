package dev.helix.rituals.internal;

import dev.helix.rituals.model.RitualStage;
import dev.helix.agents.model.PoolStatistics;
import dev.helix.agents.service.AgentPool;
import dev.helix.rituals.model.MetricRollup;
import dev.helix.rituals.model.StageStep;
import dev.helix.tasks.model.TaskStatus;
import dev.helix.tasks.service.TaskService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Map;

/** Rolls the task counters (by status) and agent counters (by status) up into a {@link MetricRollup}. */
@ApplicationScoped
public class MetricsRollupStage implements RitualStage {

    @PersistenceContext
    EntityManager em;

    @Inject
    TaskService tasks;

    @Inject
    AgentPool pool;

    @Override
    public String name() {
        return "metrics-rollup";
    }

    @Override
    public String description() {
        return "Records the task and agent counters by status";
    }

    @Override
    public int steps(Integer runSteps) {
        return 1;
    }

    @Override
    public String perform(StageStep step) {
        JsonObjectBuilder taskCounts = Json.createObjectBuilder();
        Map<TaskStatus, Long> byStatus = tasks.countsByStatus();
        byStatus.forEach((status, count) -> taskCounts.add(status.name(), count));
        long taskTotal = byStatus.values().stream().mapToLong(Long::longValue).sum();
        PoolStatistics agents = pool.statistics();
        JsonObjectBuilder agentCounts = Json.createObjectBuilder();
        agents.byStatus().forEach((status, count) -> agentCounts.add(status.name(), count));
        String line = taskTotal + " task(s), " + agents.total() + " agent(s)";
        if (step.dryRun()) {
            return "would record " + line;
        }
        em.persist(new MetricRollup(step.runId(), Instant.now(), taskCounts.build().toString(), agentCounts.build().toString()));
        return "recorded " + line;
    }
}
