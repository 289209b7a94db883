package dev.helix.metering.model;

import dev.helix.shared.model.TokenCount;
import java.time.Instant;

/**
 * One billable call as it is metered.
 *
 * @param model      what was asked for: the gateway's alias, or an agent's {@code provider/model}
 * @param deployment the {@code provider/model} that served it, or {@code null} when none did
 * @param tokens     what it cost; nothing for an answer from the cache
 * @param status     the HTTP status the caller got (for an agent's call: 200, or 502 when it failed)
 */
public record UsageEntry(Instant at, UsageSource source, String user, Long keyId, String keyPrefix, String project,
                         Long taskId, String model, String deployment, TokenCount tokens, boolean cacheHit,
                         boolean streamed, int status, long latencyMillis) {
}
