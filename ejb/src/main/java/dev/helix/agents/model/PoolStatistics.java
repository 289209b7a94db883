package dev.helix.agents.model;

import java.util.Map;

/**
 * Counts of the pool's agents by status and by role, and utilisation: the share of live
 * (not stopped, not failed) agents that are working.
 */
public record PoolStatistics(int total, Map<AgentStatus, Long> byStatus, Map<String, Long> byRole,
                             double utilisation) {

    /** Agents running now: every agent not stopped. */
    public long running() {
        return total - byStatus.getOrDefault(AgentStatus.STOPPED, 0L);
    }

    /** Agents running and not failed. */
    public long healthy() {
        return running() - byStatus.getOrDefault(AgentStatus.FAILED, 0L);
    }
}
