package dev.helix.memory.model;

import dev.helix.shared.error.DomainException;

/** A search arrived while the memory index is still loading (or failed to load). */
public class MemoryIndexLoadingException extends DomainException {

    public MemoryIndexLoadingException(String message) {
        super(message);
    }

    @Override
    public String problemType() {
        return "memory-index-loading";
    }

    @Override
    public String title() {
        return "Memory index not ready";
    }

    @Override
    public int status() {
        return 503;
    }
}
