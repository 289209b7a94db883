package dev.helix.identity.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The allowance ledger servers share, as the database keeps it, for tests: one count per caller and minute, changed
 * one lease at a time.
 */
public final class InMemoryLedger implements SharedRateLimiter.Ledger {

    final Map<String, Integer> used = new HashMap<>();
    final List<Long> forgotten = new ArrayList<>();
    int leases;

    @Override
    public synchronized int lease(String caller, long epochMinute, int limit, int wanted) {
        leases++;
        int before = used.getOrDefault(caller + "@" + epochMinute, 0);
        int granted = Math.max(0, Math.min(wanted, limit - before));
        used.put(caller + "@" + epochMinute, before + granted);
        return granted;
    }

    @Override
    public synchronized void forgetBefore(long epochMinute) {
        forgotten.add(epochMinute);
    }
}
