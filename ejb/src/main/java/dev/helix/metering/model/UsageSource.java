package dev.helix.metering.model;

/** The path a billable model call came by. */
public enum UsageSource {
    /** The gateway's {@code POST /v1/chat/completions}. */
    CHAT,
    /** The gateway's {@code POST /v1/embeddings}. */
    EMBEDDINGS,
    /** An agent's own call of its model, working a task. */
    AGENT
}
