package dev.helix.batch;

import dev.helix.shared.service.BatchJobs;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Properties;

/** {@link BatchJobs} on the batch runtime's {@link JobOperator}: Liberty's batch container and job repository. */
@ApplicationScoped
public class JobOperatorBatchJobs implements BatchJobs {

    @Override
    public Execution start(String job, Properties parameters) {
        JobOperator operator = BatchRuntime.getJobOperator();
        long executionId = operator.start(job, parameters);
        return new Execution(operator.getJobInstance(executionId).getInstanceId(), executionId);
    }

    @Override
    public Execution restart(long executionId, Properties parameters) {
        JobOperator operator = BatchRuntime.getJobOperator();
        long restarted = operator.restart(executionId, parameters);
        return new Execution(operator.getJobInstance(restarted).getInstanceId(), restarted);
    }

    @Override
    public void stop(long executionId) {
        BatchRuntime.getJobOperator().stop(executionId);
    }

    @Override
    public String status(long executionId) {
        return BatchRuntime.getJobOperator().getJobExecution(executionId).getBatchStatus().name();
    }
}
