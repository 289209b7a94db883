package dev.helix.rituals.internal;

import dev.helix.agents.model.Agent;
import dev.helix.agents.model.AgentStatus;
import dev.helix.agents.service.AgentPool;
import dev.helix.rituals.model.StageStep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.util.List;

/**
 * Z-88 phase 2, roll call: health-checks every agent, a share of the pool per step (agent {@code i} in step
 * {@code i mod steps + 1}). An agent is unhealthy when it FAILED or more than half of its steps erred.
 */
@ApplicationScoped
public class Z88RollCall extends Z88Phase {

    private static final double MAX_ERROR_RATE = 0.5;

    @Inject
    AgentPool pool;

    public Z88RollCall() {
        super(4);
    }

    @Override
    public String name() {
        return ROLL_CALL;
    }

    @Override
    public String description() {
        return "Z-88 roll call: health-checks every agent";
    }

    @Override
    public String perform(StageStep step) {
        List<Agent> agents = pool.agents();
        int checked = 0;
        JsonArrayBuilder unhealthy = Json.createArrayBuilder();
        int unhealthyCount = 0;
        for (int i = step.step() - 1; i < agents.size(); i += step.steps()) {
            Agent agent = agents.get(i);
            checked++;
            if (agent.getStatus() == AgentStatus.FAILED || agent.errorRate() > MAX_ERROR_RATE) {
                unhealthy.add(agent.getName());
                unhealthyCount++;
            }
        }
        return Json.createObjectBuilder().add("step", step.step()).add("checked", checked)
                .add("unhealthy", unhealthyCount).add("unhealthyAgents", unhealthy).build().toString();
    }
}
