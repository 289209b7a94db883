package dev.helix.tasks.model;

import java.time.Duration;

/**
 * How long a task that found no agent free waits before it asks again: the shortest pause at first, then a quarter of
 * the time it has waited so far, up to the longest. A long queue of waiting tasks so asks a few times a minute per
 * task instead of every second (each ask is a transaction through the dispatch queue), while a task that has just
 * started waiting asks again soon.
 */
public record AgentWait(Duration shortest, Duration longest) {

    /** The pause before the next ask, for a task that has been waiting this long. */
    public Duration after(Duration waited) {
        Duration quarter = waited.isNegative() ? Duration.ZERO : waited.dividedBy(4);
        if (quarter.compareTo(shortest) < 0) {
            return shortest;
        }
        Duration cap = longest.compareTo(shortest) < 0 ? shortest : longest;
        return quarter.compareTo(cap) > 0 ? cap : quarter;
    }
}
