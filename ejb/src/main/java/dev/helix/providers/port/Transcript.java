package dev.helix.providers.port;

import dev.helix.providers.model.ModelTurn;

/**
 * Where a model provider reports each call it makes for a step, as it ends: the run's transcript, from which the
 * step can be replayed without the model; and, while a call streams, the text as the model produces it.
 */
public interface Transcript {

    /** A transcript that keeps nothing, for calls outside a task's steps. */
    Transcript NONE = turn -> {
    };

    /**
     * Called before each call: may refuse it by throwing (e.g. the requester's token budget is spent), and then the
     * call is not made.
     */
    default void asking() {
        // most transcripts let every call go
    }

    /** Notes one call, answered or failed. */
    void record(ModelTurn turn);

    /**
     * A piece of what the model is producing in the call in flight, as it arrives, on the caller's thread, for people
     * to watch; the call's whole answer still comes to {@link #record}.
     */
    default void produced(String fragment) {
        // kept by transcripts that show a step live
    }
}
