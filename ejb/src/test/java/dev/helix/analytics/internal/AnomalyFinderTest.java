package dev.helix.analytics.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.helix.analytics.model.Anomaly;
import dev.helix.analytics.model.AnomalyThresholds;
import dev.helix.analytics.model.Finding;
import dev.helix.analytics.model.Metric;
import dev.helix.compute.model.AnomalyMethod;
import dev.helix.compute.model.AnomalyScores;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnomalyFinderTest {

    private static final Instant FROM = Instant.parse("2026-11-21T10:00:00Z");
    private static final int WINDOW = 4;
    private static final List<Metric> METRICS = List.of(Metric.AGENT_ERRORS, Metric.TASKS_CREATED, Metric.QUEUE_DEPTH);

    private static final AnomalyThresholds ROBUST = new AnomalyThresholds(AnomalyMethod.ROBUST, WINDOW, 3.5, 6,
            Map.of(Metric.QUEUE_DEPTH, 10.0));

    /** Scores laid out like the values, one row per metric. */
    private static AnomalyScores scores(AnomalyThresholds thresholds, float[][] rows) {
        int length = rows[0].length;
        float[] all = new float[rows.length * length];
        for (int s = 0; s < rows.length; s++) {
            System.arraycopy(rows[s], 0, all, s * length, length);
        }
        return new AnomalyScores(rows.length, length, thresholds.parameters(), all);
    }

    @Test
    void aFlagPastItsThresholdAndNoiseFloorIsAFindingWithItsExpectedValueAndSeverity() {
        double[][] values = {
            {0, 0, 1, 0, 0, 20, 4},      // errors: 20 is critical; 4 a warning (score 5), 3.5 from the median 0.5
            {1, 2, 1, 2, 3, 4, 2},       // tasks created: flagged at 4, but 2 from the median, under the noise floor 5
            {5, 5, 5, 5, 5, 40, 5}};     // queue depth: its own threshold is 10, the score 8 is not enough
        float[][] scored = {{0, 0, 0, 0, 0, 9e6f, 5}, {0, 0, 0, 0, 0, 9, 0}, {0, 0, 0, 0, 0, 8, 0}};

        List<Finding> findings = AnomalyFinder.find(METRICS, values, FROM, ROBUST, scores(ROBUST, scored));

        assertEquals(List.of(
                new Finding(Metric.AGENT_ERRORS, FROM.plusSeconds(300), 20, 0, 9e6f, Anomaly.Severity.CRITICAL),
                new Finding(Metric.AGENT_ERRORS, FROM.plusSeconds(360), 4, 0.5, 5, Anomaly.Severity.WARNING)), findings);
    }

    @Test
    void aPointWithoutAFullWindowBeforeItIsNeverAFinding() {
        double[][] values = {{50, 0, 0, 0, 0}, {0, 0, 0, 0, 0}, {0, 0, 0, 0, 0}};
        float[][] scored = {{9, 9, 9, 9, 0}, {0, 0, 0, 0, 0}, {0, 0, 0, 0, 0}};
        assertEquals(List.of(), AnomalyFinder.find(METRICS, values, FROM, ROBUST, scores(ROBUST, scored)));
    }

    @Test
    void theExpectedValueIsTheWindowsMedianOrMean() {
        double[] values = {1, 9, 2, 100, 50};
        assertEquals(5.5, AnomalyFinder.expected(values, 4, ROBUST));   // median of 1, 9, 2, 100
        AnomalyThresholds zscore = new AnomalyThresholds(AnomalyMethod.ZSCORE, WINDOW, 3.5, 6, Map.of());
        assertEquals(28, AnomalyFinder.expected(values, 4, zscore));     // mean of 1, 9, 2, 100
    }
}
