package dev.helix.web.api.spirals;

import dev.helix.spirals.model.SpiralRun;
import dev.helix.spirals.model.SpiralRunStep;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;

/**
 * A spiral run: its status, the version it runs, its variables, each step's record, and the Jakarta Batch job
 * instance and execution that carry it (the same ids Liberty's Admin Center and {@code /ibm/api/batch} show).
 */
public record RunView(long id, long spiralId, int spiralVersion, String status, String trigger, String startedBy,
                      Instant createdAt, Instant startedAt, Instant endedAt, String error, Long batchInstanceId,
                      Long batchExecutionId, JsonObject variables, List<StepView> steps) {

    /** One step's record. */
    public record StepView(int position, String id, String type, String status, int attempts, String output, String log,
                           Instant startedAt, Instant endedAt) {

        static StepView of(SpiralRunStep step) {
            return new StepView(step.getPosition(), step.getStepId(), step.getStepType().name(), step.getStatus().name(),
                    step.getAttempts(), step.getOutput(), step.getLog(), step.getStartedAt(), step.getEndedAt());
        }
    }

    static RunView of(SpiralRun run, List<SpiralRunStep> steps) {
        return new RunView(run.getId(), run.getSpiralId(), run.getSpiralVersion(), run.getStatus().name(),
                run.getTriggerType().name(), run.getStartedBy(), run.getCreatedAt(), run.getStartedAt(), run.getEndedAt(),
                run.getError(), run.getBatchInstanceId(), run.getBatchExecutionId(), SpiralView.json(run.getVariables()),
                steps.stream().map(StepView::of).toList());
    }
}
