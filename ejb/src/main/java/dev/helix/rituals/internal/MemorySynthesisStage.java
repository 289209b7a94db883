package dev.helix.rituals.internal;

import dev.helix.memory.service.MemorySynthesis;
import dev.helix.rituals.model.RitualStage;
import dev.helix.rituals.model.StageStep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** Synthesises the learnings of finished tasks that are not in memory yet, up to {@value #BATCH} per run. */
@ApplicationScoped
public class MemorySynthesisStage implements RitualStage {

    static final int BATCH = 100;

    @Inject
    MemorySynthesis synthesis;

    @Override
    public String name() {
        return "memory-synthesis";
    }

    @Override
    public String description() {
        return "Stores the learnings of finished tasks that are not in memory yet";
    }

    @Override
    public int steps(Integer runSteps) {
        return 1;
    }

    @Override
    public String perform(StageStep step) {
        List<Long> pending = synthesis.pending(BATCH);
        if (step.dryRun()) {
            return "would synthesise the learnings of " + pending.size() + " finished task(s)";
        }
        int memories = pending.stream().mapToInt(synthesis::synthesise).sum();
        return "synthesised " + pending.size() + " finished task(s) into " + memories + " memories";
    }
}
