package dev.helix.runs.port;

import java.util.Properties;

/**
 * Jakarta Batch as Helix uses it: start, restart and stop jobs and read an execution's status. The business tier
 * knows only this port; the {@code batch-jobs} module implements it with the batch runtime's {@code JobOperator},
 * so every spiral and ritual run is a job execution that the Admin Center and {@code /ibm/api/batch} show.
 */
public interface BatchJobs {

    /** The ids of a started or restarted job execution. */
    record Execution(long instanceId, long executionId) {
    }

    /** Starts the job defined by {@code META-INF/batch-jobs/<job>.xml}. */
    Execution start(String job, Properties parameters);

    /** Restarts a failed or stopped execution as a new execution of the same job instance. */
    Execution restart(long executionId, Properties parameters);

    /** Asks a running execution to stop. */
    void stop(long executionId);

    /** The batch status of an execution ({@code STARTED}, {@code COMPLETED}, {@code FAILED}, ...). */
    String status(long executionId);
}
