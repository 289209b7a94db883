package dev.helix.tasks.service;

import dev.helix.providers.model.ModelTurn;
import dev.helix.providers.port.Transcript;
import dev.helix.tasks.model.ClaimedStep;
import dev.helix.tasks.model.ModelExchange;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The transcript of one claimed step: each model call is numbered in the step's order and recorded as it ends. A
 * call that cannot be recorded is logged and the work goes on; the transcript is a record, not the work.
 */
final class StepTranscript implements Transcript {

    private static final Logger LOG = Logger.getLogger(StepTranscript.class.getName());

    private final ClaimedStep step;
    private final String provider;
    private final Consumer<ModelExchange> recorder;
    private int rounds;

    StepTranscript(ClaimedStep step, String provider, Consumer<ModelExchange> recorder) {
        this.step = step;
        this.provider = provider;
        this.recorder = recorder;
    }

    @Override
    public void record(ModelTurn turn) {
        ModelExchange exchange = new ModelExchange(step, provider, step.requestedBy(), ++rounds, turn, Instant.now());
        try {
            recorder.accept(exchange);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Model call " + rounds + " of the " + step.kind() + " step of task " + step.taskId()
                    + " could not be recorded", e);
        }
    }
}
