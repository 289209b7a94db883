package dev.helix.rituals.internal;

import dev.helix.rituals.model.RitualStage;
import dev.helix.memory.service.MemorySynthesis;
import dev.helix.rituals.model.StageStep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Synthesises the learnings of finished tasks that are not in memory yet, up to {@value #BATCH} per run, each
 * task in a transaction of its own: one that fails (e.g. the embeddings endpoint is away) is left for next time.
 */
@ApplicationScoped
public class MemorySynthesisStage implements RitualStage {

    private static final Logger LOG = Logger.getLogger(MemorySynthesisStage.class.getName());

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
        int memories = 0;
        List<Long> failed = new ArrayList<>();
        for (long task : pending) {
            try {
                memories += synthesis.synthesise(task);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Learnings of task " + task + " not synthesised; the next run tries again", e);
                failed.add(task);
            }
        }
        return "synthesised " + (pending.size() - failed.size()) + " finished task(s) into " + memories + " memories"
                + (failed.isEmpty() ? "" : "; tasks " + failed + " failed and are tried again next time");
    }
}
