package dev.helix.memory.model;

/** A memory found by a search, with its cosine similarity to the query. */
public record MemoryHit(Memory memory, float score) {
}
