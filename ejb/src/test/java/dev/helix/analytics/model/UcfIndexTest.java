package dev.helix.analytics.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UcfIndexTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    private static UcfIndex of(UcfInputs inputs) {
        return UcfIndex.of(NOW, Duration.ofHours(1), inputs);
    }

    @Test
    void aQuietHealthyFleetScoresPerfectlyExceptForItsSpareCapacity() {
        UcfIndex quiet = of(new UcfInputs(0, 0, 0, 0, 0, 0, 0, 0, 0.25, 0, 0, 0, 0, 16, 0, 0));
        assertEquals(2, quiet.harmony());
        assertEquals(2, quiet.resilience());
        assertEquals(0.75, quiet.prana());
        assertEquals(1, quiet.drishti());
        assertEquals(0, quiet.klesha());
        assertEquals(1, quiet.zoom(), "no baseline: nominal");
    }

    @Test
    void eachDimensionFollowsItsFormula() {
        UcfIndex index = of(new UcfInputs(90, 10, 3, 1, 4, 3, 8, 6, 0.6, 20, 15, 5, 2, 16, 20, 10));
        assertEquals(0.9 + 0.75, index.harmony(), 1e-3);          // 90/100 + 3/4
        assertEquals(0.75 + 0.75, index.resilience(), 1e-3);      // 3/4 + 6/8
        assertEquals(0.4, index.prana(), 1e-3);                   // 1 - 0.6
        assertEquals(0.75, index.drishti(), 1e-3);                // 15/20
        double errorRate = 15.0 / 125;                            // (5 + 10) / (20 + 5 + 90 + 10)
        double anomalyRate = 2.0 / 16;
        assertEquals(1 - (1 - errorRate) * (1 - anomalyRate), index.klesha(), 1e-3);
        assertEquals(2, index.zoom(), 1e-3);                      // 20/10
    }

    @Test
    void zoomIsCappedAtTwiceTheBaselineAndValuesAreRounded() {
        assertEquals(2, of(new UcfInputs(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 16, 50, 5)).zoom());
        assertEquals(0.333, of(new UcfInputs(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 16, 1, 3)).zoom());
        assertEquals(0, of(new UcfInputs(0, 0, 0, 0, 0, 0, 0, 0, 1.5, 0, 0, 0, 0, 16, 0, 0)).prana(), "utilisation clamped");
    }

    @Test
    void eachUcfSeriesReadsItsDimension() {
        UcfIndex index = of(new UcfInputs(90, 10, 3, 1, 4, 3, 8, 6, 0.6, 20, 15, 5, 2, 16, 20, 10));
        assertEquals(index.harmony(), index.valueOf(Metric.UCF_HARMONY));
        assertEquals(index.resilience(), index.valueOf(Metric.UCF_RESILIENCE));
        assertEquals(index.prana(), index.valueOf(Metric.UCF_PRANA));
        assertEquals(index.drishti(), index.valueOf(Metric.UCF_DRISHTI));
        assertEquals(index.klesha(), index.valueOf(Metric.UCF_KLESHA));
        assertEquals(index.zoom(), index.valueOf(Metric.UCF_ZOOM));
        assertThrows(IllegalArgumentException.class, () -> index.valueOf(Metric.TASKS_CREATED));
    }
}
