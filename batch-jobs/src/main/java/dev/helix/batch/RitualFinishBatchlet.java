package dev.helix.batch;

import dev.helix.rituals.service.RitualExecutor;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The last step of the {@code ritual-run} job: records the run completed, with its summary as exit status. */
@Named
@Dependent
public class RitualFinishBatchlet extends AbstractBatchlet {

    @Inject
    @BatchProperty
    String runId;

    @Inject
    JobContext job;

    @Inject
    RitualExecutor executor;

    @Override
    public String process() {
        executor.finish(Long.parseLong(runId));
        job.setExitStatus("ritual run " + runId + " COMPLETED");
        return "COMPLETED";
    }
}
