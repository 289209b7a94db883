package dev.helix.analytics.model;

import dev.helix.compute.model.AnomalyMethod;
import dev.helix.compute.model.AnomalyParameters;
import java.util.Map;

/**
 * When a point is an anomaly: its score against the trailing window (of {@code window} minutes, by
 * {@code method}) reaches the series' warning threshold and it lies at least the metric's noise floor from
 * the expected value; at the critical threshold it is critical. Series without an override use the defaults.
 */
public record AnomalyThresholds(AnomalyMethod method, int window, double warning, double critical,
                                Map<Metric, Double> warningBySeries) {

    public AnomalyThresholds {
        warningBySeries = Map.copyOf(warningBySeries);
        if (critical < warning) {
            throw new IllegalArgumentException("the critical threshold " + critical + " is below the warning threshold " + warning);
        }
        parameters(method, window, warning, warningBySeries); // checks the method, the window and each threshold
    }

    /** What the kernel computes: every point scored, flagged from the lowest warning threshold of any series. */
    public AnomalyParameters parameters() {
        return parameters(method, window, warning, warningBySeries);
    }

    private static AnomalyParameters parameters(AnomalyMethod method, int window, double warning, Map<Metric, Double> bySeries) {
        bySeries.forEach((metric, threshold) -> new AnomalyParameters(window, method, threshold.floatValue()));
        double lowest = bySeries.values().stream().mapToDouble(Double::doubleValue).min().orElse(warning);
        return new AnomalyParameters(window, method, (float) Math.min(warning, lowest));
    }

    /** The warning threshold of one series. */
    public double warningOf(Metric metric) {
        return warningBySeries.getOrDefault(metric, warning);
    }

    /** The critical threshold of one series: as far above its warning threshold as the defaults are apart. */
    public double criticalOf(Metric metric) {
        return warningOf(metric) * critical / warning;
    }
}
