package dev.helix.agents.model;

/** The life states of an agent instance in the pool (C1). */
public enum AgentStatus {
    IDLE, WORKING, TRANSITIONING, FAILED, STOPPED
}
