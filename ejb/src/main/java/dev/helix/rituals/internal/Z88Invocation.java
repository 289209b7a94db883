package dev.helix.rituals.internal;

import dev.helix.agents.model.AgentStatus;
import dev.helix.agents.model.PoolStatistics;
import dev.helix.agents.service.AgentPool;
import dev.helix.rituals.model.StageStep;
import dev.helix.tasks.model.TaskStatus;
import dev.helix.tasks.service.TaskService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.util.Map;

/** Z-88 phase 1, invocation: snapshots the fleet's state (agents and tasks by status), once per step. */
@ApplicationScoped
public class Z88Invocation extends Z88Phase {

    @Inject
    AgentPool pool;

    @Inject
    TaskService tasks;

    public Z88Invocation() {
        super(1);
    }

    @Override
    public String name() {
        return INVOCATION;
    }

    @Override
    public String description() {
        return "Z-88 invocation: snapshots the fleet's state";
    }

    @Override
    public String perform(StageStep step) {
        PoolStatistics agents = pool.statistics();
        Map<TaskStatus, Long> byStatus = tasks.countsByStatus();
        long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
        long done = byStatus.get(TaskStatus.DONE);
        long failed = byStatus.get(TaskStatus.SPEC_FAILED) + byStatus.get(TaskStatus.IMPLEMENTATION_FAILED);
        return Json.createObjectBuilder().add("step", step.step()).add("agents", agents.total())
                .add("working", agents.byStatus().get(AgentStatus.WORKING)).add("failedAgents", agents.byStatus().get(AgentStatus.FAILED))
                .add("utilisation", agents.utilisation()).add("tasks", total).add("done", done).add("failed", failed)
                .build().toString();
    }
}
