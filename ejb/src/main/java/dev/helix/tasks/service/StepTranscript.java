package dev.helix.tasks.service;

import dev.helix.providers.model.ModelTurn;
import dev.helix.providers.port.Transcript;
import dev.helix.shared.model.Abbreviation;
import dev.helix.shared.model.FleetEvent;
import dev.helix.shared.model.TokenCount;
import dev.helix.tasks.model.ClaimedStep;
import dev.helix.tasks.model.ModelExchange;
import java.time.Instant;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The transcript of one claimed step: each model call is numbered in the step's order and recorded as it ends, and
 * what the model produces meanwhile goes out as {@link FleetEvent.Type#MODEL_OUTPUT} events, gathered into one every
 * {@value #FLUSH_MILLIS} ms (or {@value #FLUSH_CHARS} characters) so a fast model does not flood the fleet stream.
 * A call that cannot be recorded is logged and the work goes on; the transcript is a record, not the work.
 */
final class StepTranscript implements Transcript {

    private static final Logger LOG = Logger.getLogger(StepTranscript.class.getName());
    static final long FLUSH_MILLIS = 250;
    static final int FLUSH_CHARS = 2000;
    /** The most of the text one event carries (a tool call may write a whole file at once). */
    private static final int MAX_EVENT_CHARS = 8000;

    private final ClaimedStep step;
    private final String provider;
    private final BiConsumer<ModelExchange, TokenCount> recorder;
    private final Consumer<FleetEvent> events;
    private final Runnable beforeEachCall;
    private final StringBuilder unsent = new StringBuilder();
    private long lastSent = System.nanoTime();
    private int rounds;
    private boolean callEnded;

    StepTranscript(ClaimedStep step, String provider, BiConsumer<ModelExchange, TokenCount> recorder,
                   Consumer<FleetEvent> events, Runnable beforeEachCall) {
        this.step = step;
        this.provider = provider;
        this.recorder = recorder;
        this.events = events;
        this.beforeEachCall = beforeEachCall;
    }

    /** Runs the step's check before each call (its requester's token budget): a spent budget refuses the call. */
    @Override
    public void asking() {
        beforeEachCall.run();
    }

    @Override
    public void record(ModelTurn turn) {
        send();
        callEnded = true;
        ModelExchange exchange = new ModelExchange(step, provider, step.requestedBy(), ++rounds, turn, Instant.now());
        try {
            recorder.accept(exchange, turn.tokens());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Model call " + rounds + " of the " + step.kind() + " step of task " + step.taskId()
                    + " could not be recorded", e);
        }
    }

    @Override
    public void produced(String fragment) {
        if (fragment == null || fragment.isEmpty()) {
            return;
        }
        if (callEnded) {
            unsent.append("\n\n");
            callEnded = false;
        }
        unsent.append(fragment);
        if (unsent.length() >= FLUSH_CHARS || System.nanoTime() - lastSent >= FLUSH_MILLIS * 1_000_000) {
            send();
        }
    }

    /** Sends what was produced and not sent yet; a step's calls are told apart by a blank line. */
    private void send() {
        lastSent = System.nanoTime();
        if (unsent.isEmpty()) {
            return;
        }
        String label = (step.kind() == ClaimedStep.Kind.WORK_ITEM ? step.kind() + " " + step.itemNumber() : step.kind().name())
                + " · order " + step.order().seq();
        try {
            events.accept(new FleetEvent(FleetEvent.Type.MODEL_OUTPUT, step.taskId(), step.agentId(), label,
                    Abbreviation.of(unsent.toString(), MAX_EVENT_CHARS), Instant.now()));
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "The model output of task " + step.taskId() + " could not be sent to the fleet stream", e);
        }
        unsent.setLength(0);
    }
}
