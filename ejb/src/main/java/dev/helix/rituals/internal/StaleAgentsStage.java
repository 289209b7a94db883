package dev.helix.rituals.internal;

import dev.helix.agents.model.Agent;
import dev.helix.agents.service.AgentPool;
import dev.helix.rituals.model.RitualStage;
import dev.helix.rituals.model.StageStep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Stops agents inactive for longer than {@code helix.rituals.stale-agent-after} (default an hour). */
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
        return "Stops agents that have not been active for longer than the stale limit (" + staleAfter + ")";
    }

    @Override
    public int steps(Integer runSteps) {
        return 1;
    }

    @Override
    public String perform(StageStep step) {
        List<Agent> stale = pool.inactiveSince(Instant.now().minus(staleAfter));
        String names = stale.stream().map(a -> a.getName() + " (#" + a.getId() + ")").collect(Collectors.joining(", "));
        if (step.dryRun()) {
            return "would stop " + stale.size() + " stale agent(s)" + (stale.isEmpty() ? "" : ": " + names);
        }
        stale.forEach(agent -> pool.stopStale(agent.getId(), "inactive for longer than " + staleAfter));
        return "stopped " + stale.size() + " stale agent(s)" + (stale.isEmpty() ? "" : ": " + names);
    }
}
