package dev.helix.identity.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SharedRateLimiterTest {

    private final InMemoryLedger ledger = new InMemoryLedger();
    /** The start of a minute (21:20 on 2025-02-19), in milliseconds since the epoch. */
    private final AtomicLong clock = new AtomicLong(29_000_000L * 60_000);
    private final SharedRateLimiter serverA = new SharedRateLimiter(ledger, clock::get);
    private final SharedRateLimiter serverB = new SharedRateLimiter(ledger, clock::get);

    @Test
    void aCallerGetsItsLimitPerMinuteAcrossAllServersAndNoMore() {
        int allowed = 0;
        for (int i = 0; i < 100; i++) {
            allowed += (i % 2 == 0 ? serverA : serverB).acquire("user:dana", 40).allowed() ? 1 : 0;
        }
        assertEquals(40, allowed);
        assertEquals(40 / 2, ledger.leases - 2, "leased two at a time (a twentieth), plus one empty lease per server");
    }

    @Test
    void requestsRacingOnTwoServersGetExactlyTheLimitBetweenThem() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> verdicts = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                SharedRateLimiter server = i % 2 == 0 ? serverA : serverB;
                verdicts.add(threads.submit(() -> server.acquire("key:7", 100).allowed()));
            }
            int allowed = 0;
            for (Future<Boolean> verdict : verdicts) {
                allowed += verdict.get() ? 1 : 0;
            }
            assertEquals(100, allowed);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aRefusedCallerGoesOnWhenTheNextMinuteStartsAndTheLedgerForgetsTheOldOnes() {
        for (int i = 0; i < 5; i++) {
            assertTrue(serverA.acquire("user:eve", 5).allowed());
        }
        clock.addAndGet(15_000);
        RequestAllowance.Verdict refused = serverB.acquire("user:eve", 5);
        assertFalse(refused.allowed());
        assertEquals(45, refused.retryAfterSeconds(), "until the minute ends");

        clock.addAndGet(45_000);
        assertTrue(serverB.acquire("user:eve", 5).allowed());
        assertEquals(List.of(29_000_000L - 1, 29_000_000L - 1, 29_000_000L), ledger.forgotten,
                "by each server, once per new minute it sees");
    }

    @Test
    void refusalsInAnExhaustedMinuteCostTheLedgerNothing() {
        assertTrue(serverA.acquire("user:finn", 1).allowed());
        assertFalse(serverA.acquire("user:finn", 1).allowed());
        int leases = ledger.leases;
        for (int i = 0; i < 50; i++) {
            assertFalse(serverA.acquire("user:finn", 1).allowed());
        }
        assertEquals(leases, ledger.leases);
    }

    @Test
    void callersHaveTheirOwnAllowance() {
        assertTrue(serverA.acquire("user:gus", 1).allowed());
        assertFalse(serverB.acquire("user:gus", 1).allowed());
        assertTrue(serverB.acquire("user:hal", 1).allowed());
    }
}
