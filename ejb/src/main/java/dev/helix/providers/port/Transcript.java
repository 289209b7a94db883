package dev.helix.providers.port;

import dev.helix.providers.model.ModelTurn;

/**
 * Where a model provider reports each call it makes for a step, as it ends: the run's transcript, from which the
 * step can be replayed without the model.
 */
public interface Transcript {

    /** A transcript that keeps nothing, for calls outside a task's steps. */
    Transcript NONE = turn -> {
    };

    /** Notes one call, answered or failed. */
    void record(ModelTurn turn);
}
