package dev.helix.memory.model;

/**
 * A memory was stored or deleted (a CDI event; the index follows it once the transaction commits). A deleted
 * memory carries no vector.
 */
public record MemoryChanged(long id, String workspace, float[] vector) {

    public boolean deleted() {
        return vector == null;
    }
}
