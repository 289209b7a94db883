package dev.helix.analytics.model;

import java.time.Instant;
import java.util.List;

/**
 * What one anomaly scan did: the minutes [from, to) it scored, how many series, on which compute backend, and
 * the anomalies it found that were not known before.
 */
public record ScanReport(Instant from, Instant to, int series, String backend, List<Anomaly> found) {

    /** One line for the ritual's result. */
    public String summary() {
        return "scanned " + series + " series over " + from + " .. " + to + " on " + backend + ": " + found.size()
                + " new anomal" + (found.size() == 1 ? "y" : "ies");
    }
}
