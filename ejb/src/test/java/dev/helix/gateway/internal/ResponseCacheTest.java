package dev.helix.gateway.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.helix.gateway.internal.ResponseCache.Cached;
import dev.helix.shared.model.TokenCount;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ResponseCacheTest {

    private final AtomicLong now = new AtomicLong();
    private final ResponseCache cache = new ResponseCache(2, now::get);

    @Test
    void anAnswerIsServedAgainUntilItsTimeToLiveEnds() {
        cache.put("fast\n{}", answer("one"), Duration.ofSeconds(10));
        assertArrayEquals(bytes("one"), cache.get("fast\n{}").orElseThrow().body());
        now.addAndGet(Duration.ofSeconds(10).toNanos());
        assertTrue(cache.get("fast\n{}").isEmpty());
    }

    @Test
    void theLeastRecentlyUsedGoFirstAndAZeroTimeToLiveKeepsNothing() {
        cache.put("a", answer("a"), Duration.ofMinutes(1));
        cache.put("b", answer("b"), Duration.ofMinutes(1));
        cache.get("a");
        cache.put("c", answer("c"), Duration.ofMinutes(1));
        assertTrue(cache.get("b").isEmpty(), "b was used least recently");
        assertTrue(cache.get("a").isPresent() && cache.get("c").isPresent());
        cache.put("d", answer("d"), Duration.ZERO);
        assertTrue(cache.get("d").isEmpty());
    }

    @Test
    void anAnswerLargerThanAnEntryMayBeIsNotKept() {
        cache.put("big", new Cached(new byte[ResponseCache.MAX_ENTRY_BYTES], "a/m", TokenCount.NONE), Duration.ofMinutes(1));
        assertTrue(cache.get("big").isEmpty());
    }

    private static Cached answer(String text) {
        return new Cached(bytes(text), "a/m1", TokenCount.counted(1, 1));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
