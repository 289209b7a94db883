package dev.helix.batch;

import dev.helix.rituals.service.RitualExecutor;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** Performs the ritual steps of a chunk in the chunk's transaction; a failing step fails the run and the job. */
@Named
@Dependent
public class RitualStepWriter extends AbstractItemWriter {

    @Inject
    @BatchProperty
    String runId;

    @Inject
    RitualExecutor executor;


    @Override
    public void writeItems(List<Object> steps) {
        long run = Long.parseLong(runId);
        for (Object step : steps) {
            try {
                executor.perform(run, (Integer) step);
            } catch (RuntimeException e) {
                executor.failed(run, (Integer) step, e.getMessage());
                throw e;
            }
        }
    }
}
