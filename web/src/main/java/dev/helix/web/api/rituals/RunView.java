package dev.helix.web.api.rituals;

import dev.helix.rituals.model.RitualRun;
import dev.helix.rituals.model.RitualRunStage;
import java.time.Instant;
import java.util.List;

/**
 * A ritual run: status, progress (stage, step n of m, percent), how often it resumed after an interruption, its
 * stages with what they found, and the batch job execution that carries it.
 */
public record RunView(long id, String ritual, String status, boolean dryRun, String trigger, String startedBy,
                      String stage, int step, int steps, int percent, int resumes, Instant createdAt, Instant startedAt,
                      Instant endedAt, long durationMillis, String summary, Long batchInstanceId, Long batchExecutionId,
                      List<StageView> stages) {

    /** One stage (a Z-88 phase) of the run. */
    public record StageView(int position, String stage, String status, int steps, int stepsDone, Instant startedAt,
                            Instant endedAt, String result) {

        static StageView of(RitualRunStage stage) {
            return new StageView(stage.getPosition(), stage.getStage(), stage.getStatus(), stage.getSteps(), stage.getStepsDone(),
                    stage.getStartedAt(), stage.getEndedAt(), stage.getResult());
        }
    }

    static RunView of(RitualRun run, List<RitualRunStage> stages) {
        return new RunView(run.getId(), run.getRitualName(), run.getStatus().name(), run.isDryRun(), run.getTriggerType(),
                run.getStartedBy(), run.getCurrentStage(), run.getStepsDone(), run.getStepsTotal(), run.percent(), run.getResumes(),
                run.getCreatedAt(), run.getStartedAt(), run.getEndedAt(), run.duration(Instant.now()).toMillis(), run.getSummary(),
                run.getBatchInstanceId(), run.getBatchExecutionId(), stages.stream().map(StageView::of).toList());
    }
}
