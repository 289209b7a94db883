package dev.helix.metering.model;

import java.math.BigDecimal;

/**
 * The usage of one group (a key's prefix, a user, a model, a project or a day) over a time range.
 *
 * @param group           the group's value, as text; {@code null} for calls without one (no key, no project)
 * @param estimatedCalls  how many calls' tokens Helix estimated because the provider counted none
 * @param failedCalls     how many calls did not get an answer (status 400 or more)
 * @param spend           what the calls cost by their deployments' prices; {@code null} when none of them has a price
 */
public record UsageSum(String group, long calls, long cacheHits, long estimatedCalls, long failedCalls, long promptTokens,
                       long completionTokens, long totalTokens, BigDecimal spend) {
}
