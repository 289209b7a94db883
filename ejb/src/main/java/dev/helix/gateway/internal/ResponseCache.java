package dev.helix.gateway.internal;

import dev.helix.shared.model.TokenCount;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Answers to identical non-streamed requests, on this server: keyed by the alias and the request's canonical body,
 * each kept for its alias's time to live. The least recently used go first beyond {@code maxEntries}; an answer
 * larger than {@link #MAX_ENTRY_BYTES} is not kept.
 */
public final class ResponseCache {

    static final int MAX_ENTRY_BYTES = 1024 * 1024;

    /** An answer kept: its body, the deployment that served it and what it cost then. */
    public record Cached(byte[] body, String deployment, TokenCount tokens) {
    }

    private record Entry(Cached answer, long expiresAt) {
    }

    private final LongSupplier nanoClock;
    private final Map<String, Entry> entries;

    public ResponseCache(int maxEntries, LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > maxEntries;
            }
        };
    }

    public synchronized Optional<Cached> get(String key) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (nanoClock.getAsLong() - entry.expiresAt() >= 0) {
            entries.remove(key);
            return Optional.empty();
        }
        return Optional.of(entry.answer());
    }

    public synchronized void put(String key, Cached answer, Duration ttl) {
        if (ttl.isZero() || key.length() + answer.body().length > MAX_ENTRY_BYTES) {
            return;
        }
        entries.put(key, new Entry(answer, nanoClock.getAsLong() + ttl.toNanos()));
    }
}
