package dev.helix.tasks.service;

import dev.helix.providers.model.ModelAnswerRejectedException;
import dev.helix.providers.port.ModelProvider;
import dev.helix.providers.service.ProviderRegistry;
import dev.helix.tasks.model.ClaimedStep;
import dev.helix.tasks.model.ModelExchange;
import dev.helix.tasks.model.RecordedStep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The model of a step of a replayed task: the answers of the original's step of the same kind, on the same checklist
 * item, as many of those steps on as the replay has completed (so a revised spec replays the revision). A step the
 * recording cannot answer (none recorded, a call missing, the runs gone apart) fails with the reason.
 */
@ApplicationScoped
public class Replays {

    @Inject
    ModelTranscripts transcripts;

    @Inject
    ProviderRegistry providers;

    public ModelProvider modelFor(ClaimedStep step) {
        int done = transcripts.completedSteps(step.taskId(), step.kind(), step.itemNumber());
        String what = switch (step.kind()) {
            case WRITE_SPEC -> "spec step " + (done + 1);
            case DRAFT_PLAN -> "plan step " + (done + 1);
            case WORK_ITEM -> "work on checklist item " + step.itemNumber() + (done == 0 ? "" : " (time " + (done + 1) + ")");
        };
        String recording = "The recorded run of task " + step.replayOf();
        RecordedStep recorded = transcripts.recordedStep(step.replayOf(), step.kind(), step.itemNumber(), done)
                .orElseThrow(() -> new ModelAnswerRejectedException(recording + " holds no " + what + " to replay", null));
        if (recorded.missingCall() > 0) {
            throw new ModelAnswerRejectedException(recording + " lacks call " + recorded.missingCall() + " of its " + what
                    + " (it could not be recorded), so it cannot be replayed from there", null);
        }
        String item = ModelExchange.itemOf(step);
        if (recorded.item() != null && !recorded.item().equals(item)) {
            throw new ModelAnswerRejectedException(recording + " worked on '" + recorded.item() + "' as checklist item "
                    + step.itemNumber() + ", this task's is '" + item + "': the two runs went apart (a review decided "
                    + "otherwise), so the replay stops here", null);
        }
        return providers.replaying("task " + step.replayOf() + "'s " + what, recorded.answers());
    }
}
