package dev.helix.batch;

import dev.helix.rituals.service.RitualExecutor;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads the step numbers of a ritual run, 1 to its total. Its checkpoint is the next step to read, so a restarted
 * execution resumes after the last step whose chunk committed (and the run's own record of done steps wins when
 * it is further along). {@code helix.rituals.step-pause} (default none) paces the steps, e.g. to spread a long
 * ritual's load.
 */
@Named
@Dependent
public class RitualStepReader extends AbstractItemReader {

    @Inject
    @BatchProperty
    String runId;

    @Inject
    JobContext job;

    @Inject
    RitualExecutor executor;

    @Inject
    @ConfigProperty(name = "helix.rituals.step-pause", defaultValue = "PT0S")
    Duration pause;

    private int next;
    private int total;

    @Override
    public void open(Serializable checkpoint) {
        long run = Long.parseLong(runId);
        int recorded = executor.begin(run, job.getExecutionId());
        next = checkpoint instanceof Integer resumeAt ? Math.max(resumeAt, recorded) : recorded;
        total = executor.total(run);
    }

    @Override
    public Object readItem() throws InterruptedException {
        if (next > total) {
            return null;
        }
        if (!pause.isZero()) {
            Thread.sleep(pause.toMillis());
        }
        return next++;
    }

    @Override
    public Serializable checkpointInfo() {
        return next;
    }
}
