package dev.helix.rituals.internal;

import dev.helix.rituals.model.RitualStage;
import dev.helix.agents.model.Agent;
import dev.helix.agents.service.AgentPool;
import dev.helix.rituals.model.StageStep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Stops agents idle for longer than {@code helix.rituals.stale-agent-after} (default an hour): the idle-agent
 * reaper's work ({@link AgentPool#stopIdleAgents(Duration)}) on the ritual's own limit and schedule, with a dry run.
 * Working agents are never touched: a long task keeps its agent.
 */
@ApplicationScoped
public class StaleAgentsStage implements RitualStage {

    @Inject
    AgentPool pool;

    @Inject
    @ConfigProperty(name = "helix.rituals.stale-agent-after", defaultValue = "PT1H")
    Duration staleAfter;

    @Override
    public String name() {
        return "stale-agents";
    }

    @Override
    public String description() {
        return "Stops agents idle for longer than the stale limit (" + staleAfter + ")";
    }

    @Override
    public int steps(Integer runSteps) {
        return 1;
    }

    @Override
    public String perform(StageStep step) {
        List<Agent> stale = step.dryRun() ? pool.idleFor(staleAfter) : pool.stopIdleAgents(staleAfter);
        String names = stale.stream().map(a -> a.getName() + " (#" + a.getId() + ")").collect(Collectors.joining(", "));
        return (step.dryRun() ? "would stop " : "stopped ") + stale.size() + " stale agent(s)" + (stale.isEmpty() ? "" : ": " + names);
    }
}
