package dev.helix.batch;

import dev.helix.agents.model.PoolStatistics;
import dev.helix.agents.service.AgentPool;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Batchlet of the {@code pool-snapshot} job: the pool's counts by status become the job's exit status. */
@Named
@Dependent
public class PoolSnapshotBatchlet extends AbstractBatchlet {

    @Inject
    AgentPool pool;

    @Inject
    JobContext job;

    @Override
    public String process() {
        PoolStatistics stats = pool.statistics();
        String summary = "agents=" + stats.total() + " " + stats.byStatus();
        job.setExitStatus(summary);
        return "COMPLETED";
    }
}
