package dev.helix.audit.model;

/** How an audited action ended. */
public enum Outcome {
    /** It was done. */
    SUCCESS,
    /** It was refused: no or wrong credentials, or a missing permission. */
    DENIED,
    /** It was attempted and failed (bad input, a conflict, an error); nothing changed. */
    FAILURE
}
