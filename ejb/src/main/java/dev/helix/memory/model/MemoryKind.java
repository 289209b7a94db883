package dev.helix.memory.model;

/** What a memory records. */
public enum MemoryKind {
    /** What a finished task did and how. */
    TASK_SUMMARY,
    /** A failure met on the way and what resolved it. */
    ERROR_RESOLUTION
}
