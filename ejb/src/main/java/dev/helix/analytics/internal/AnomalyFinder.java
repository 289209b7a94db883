package dev.helix.analytics.internal;

import dev.helix.analytics.model.Anomaly;
import dev.helix.analytics.model.AnomalyThresholds;
import dev.helix.analytics.model.Finding;
import dev.helix.analytics.model.Metric;
import dev.helix.compute.model.AnomalyMethod;
import dev.helix.compute.model.AnomalyScores;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns a scan's flags into findings: a flagged minute counts when it has a full window before it, its score
 * reaches its own series' warning threshold, and it lies at least the metric's noise floor from what the
 * window expected (its mean for z-scores, its median for robust scores); at the critical threshold it is
 * critical.
 */
public final class AnomalyFinder {

    private AnomalyFinder() {
    }

    /**
     * The findings among the flags of {@code scores}, computed over {@code values} (one row per metric, one value
     * per minute from {@code from}).
     */
    public static List<Finding> find(List<Metric> metrics, double[][] values, Instant from, AnomalyThresholds thresholds,
                                     AnomalyScores scores) {
        List<Finding> findings = new ArrayList<>();
        for (AnomalyScores.Flag flag : scores.flags()) {
            Metric metric = metrics.get(flag.series());
            double score = Math.abs(flag.score());
            if (flag.index() < thresholds.window() || score < thresholds.warningOf(metric)) {
                continue;
            }
            double[] series = values[flag.series()];
            double observed = series[flag.index()];
            double expected = expected(series, flag.index(), thresholds);
            if (Math.abs(observed - expected) < metric.noiseFloor()) {
                continue;
            }
            Anomaly.Severity severity = score >= thresholds.criticalOf(metric) ? Anomaly.Severity.CRITICAL
                    : Anomaly.Severity.WARNING;
            findings.add(new Finding(metric, from.plus(Duration.ofMinutes(flag.index())), observed, expected, flag.score(),
                    severity));
        }
        return findings;
    }

    /** What the trailing window expected at a point: its mean (z-score) or its median (robust). */
    static double expected(double[] values, int index, AnomalyThresholds thresholds) {
        double[] window = Arrays.copyOfRange(values, index - thresholds.window(), index);
        if (thresholds.method() == AnomalyMethod.ZSCORE) {
            return Arrays.stream(window).average().orElse(0);
        }
        Arrays.sort(window);
        int middle = window.length / 2;
        return window.length % 2 == 1 ? window[middle] : (window[middle - 1] + window[middle]) / 2;
    }
}
