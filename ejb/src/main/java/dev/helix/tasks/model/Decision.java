package dev.helix.tasks.model;

/** A reviewer's decision at a gate. */
public enum Decision {
    APPROVE, REJECT
}
