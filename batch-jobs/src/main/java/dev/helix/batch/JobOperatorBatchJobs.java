package dev.helix.batch;

import dev.helix.shared.error.ConflictException;
import dev.helix.runs.port.BatchJobs;
import jakarta.batch.operations.BatchRuntimeException;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * {@link BatchJobs} on the batch runtime's {@link JobOperator}: Liberty's batch container and job repository. What
 * the runtime refuses (a restart of an execution that is not the latest or still running, a stop of one that is
 * not running) is a conflict (409), not a server error; an execution the repository no longer knows reads as
 * {@code ABANDONED}.
 */
@ApplicationScoped
public class JobOperatorBatchJobs implements BatchJobs {

    @Override
    public Execution start(String job, Properties parameters) {
        JobOperator operator = BatchRuntime.getJobOperator();
        long executionId = refused(() -> operator.start(job, parameters));
        return new Execution(operator.getJobInstance(executionId).getInstanceId(), executionId);
    }

    @Override
    public Execution restart(long executionId, Properties parameters) {
        JobOperator operator = BatchRuntime.getJobOperator();
        long restarted = refused(() -> operator.restart(executionId, parameters));
        return new Execution(operator.getJobInstance(restarted).getInstanceId(), restarted);
    }

    @Override
    public void stop(long executionId) {
        refused(() -> {
            BatchRuntime.getJobOperator().stop(executionId);
            return executionId;
        });
    }

    @Override
    public String status(long executionId) {
        try {
            return BatchRuntime.getJobOperator().getJobExecution(executionId).getBatchStatus().name();
        } catch (NoSuchJobExecutionException e) {
            return "ABANDONED";
        }
    }

    private static long refused(Supplier<Long> operation) {
        try {
            return operation.get();
        } catch (BatchRuntimeException e) {
            throw new ConflictException("The batch runtime refused: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
        }
    }
}
