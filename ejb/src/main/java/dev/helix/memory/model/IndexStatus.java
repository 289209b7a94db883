package dev.helix.memory.model;

import dev.helix.compute.model.BackendChoice;

/**
 * Where the memory index stands: {@code LOADING} at start-up ({@code loaded} of {@code total} memories, some
 * maybe re-embedded), then {@code READY}; {@code FAILED} with the reason. Also the embedder and the compute
 * backend that searches.
 */
public record IndexStatus(State state, long loaded, long total, long reembedded, String embedder, BackendChoice compute,
        String problem) {

    /** The index's life cycle. */
    public enum State {
        LOADING, READY, FAILED
    }

    public int percent() {
        return total == 0 ? 100 : (int) (100 * loaded / total);
    }
}
