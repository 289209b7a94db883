package dev.helix.shared.model;

import java.time.Instant;

/**
 * A domain event about the fleet (task status changed, progress made, agent status changed, an anomaly in its
 * metrics, a break of the audit chain, text a model is producing), fired as a CDI event inside the server and
 * published to the events topic at the edge.
 *
 * @param type    what happened
 * @param taskId  the task concerned, or {@code null}
 * @param agentId the agent concerned, or {@code null}
 * @param status  the new status (of the task or the agent), the severity of an anomaly, the step a model writes
 *                for, or {@code null}
 * @param detail  a short human description, or the text a model produced since the previous such event
 * @param at      when it happened
 */
public record FleetEvent(Type type, Long taskId, Long agentId, String status, String detail, Instant at) {

    /** Kinds of fleet events. */
    public enum Type {
        TASK_STATUS_CHANGED, TASK_PROGRESSED, AGENT_STATUS_CHANGED, ANOMALY_DETECTED, AUDIT_CHAIN_BROKEN, MODEL_OUTPUT
    }
}
