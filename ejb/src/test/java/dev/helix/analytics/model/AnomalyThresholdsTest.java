package dev.helix.analytics.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.helix.compute.model.AnomalyMethod;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnomalyThresholdsTest {

    @Test
    void aSeriesWithoutAnOverrideUsesTheDefaultsAndOneWithItsOwnScalesItsCriticalThreshold() {
        AnomalyThresholds thresholds = new AnomalyThresholds(AnomalyMethod.ROBUST, 30, 3.5, 7, Map.of(Metric.QUEUE_DEPTH, 2.0));
        assertEquals(3.5, thresholds.warningOf(Metric.TASKS_CREATED));
        assertEquals(7, thresholds.criticalOf(Metric.TASKS_CREATED));
        assertEquals(2, thresholds.warningOf(Metric.QUEUE_DEPTH));
        assertEquals(4, thresholds.criticalOf(Metric.QUEUE_DEPTH));
        // The kernel flags from the lowest threshold; each series is held to its own afterwards.
        assertEquals(2f, thresholds.parameters().threshold());
        assertEquals(30, thresholds.parameters().window());
    }

    @Test
    void inconsistentThresholdsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new AnomalyThresholds(AnomalyMethod.ZSCORE, 30, 4, 3, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> new AnomalyThresholds(AnomalyMethod.ZSCORE, 1, 3, 6, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> new AnomalyThresholds(AnomalyMethod.ZSCORE, 300, 3, 6, Map.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new AnomalyThresholds(AnomalyMethod.ZSCORE, 30, 3, 6, Map.of(Metric.TASKS_FAILED, -1.0)));
    }
}
