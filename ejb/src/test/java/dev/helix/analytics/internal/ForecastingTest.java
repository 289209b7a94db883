package dev.helix.analytics.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.helix.analytics.model.ForecastMethod;
import dev.helix.analytics.model.Trend;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ForecastingTest {

    private static final double[] LINE = {3, 5, 7, 9, 11, 13};

    @Test
    void bothMethodsContinueAStraightLineExactly() {
        assertArrayEquals(new double[] {15, 17, 19}, Forecasting.forecast(LINE, 3, ForecastMethod.LINEAR), 1e-9);
        assertArrayEquals(new double[] {15, 17, 19}, Forecasting.forecast(LINE, 3, ForecastMethod.HOLT), 1e-9);
    }

    @Test
    void theLeastSquaresLineSplitsNoise() {
        // Alternating around 10: the line is flat at 10.5 (mean) with a small slope from the last point.
        double[] next = Forecasting.forecast(new double[] {10, 11, 10, 11}, 1, ForecastMethod.LINEAR);
        assertEquals(11.0, next[0], 1e-9); // intercept 10.2, slope 0.2: 10.2 + 0.2 * 4
    }

    @Test
    void holtSeesAClimbLevelOffWhereTheLineKeepsClimbing() {
        double[] levelled = {0, 2, 4, 6, 8, 10, 10, 10, 10, 10, 10, 10, 10, 10};
        assertEquals(10.171, Forecasting.forecast(levelled, 1, ForecastMethod.HOLT)[0], 1e-3);
        assertEquals(12.967, Forecasting.forecast(levelled, 1, ForecastMethod.LINEAR)[0], 1e-3);
    }

    @Test
    void theTrendIsTheSlopeWithItsDirection() {
        Trend rising = Forecasting.trend(LINE, Duration.ofMinutes(1));
        assertEquals(2, rising.slopePerBucket(), 1e-9);
        assertEquals(120, rising.slopePerHour(), 1e-9);
        assertEquals(Trend.Direction.RISING, rising.direction());
        assertEquals(Trend.Direction.FALLING, Forecasting.trend(new double[] {9, 6, 3}, Duration.ofHours(1)).direction());
        assertEquals(Trend.Direction.FLAT, Forecasting.trend(new double[] {4, 4, 4, 4}, Duration.ofHours(1)).direction());
        // Under 1 % of the level over the whole range is flat.
        assertEquals(Trend.Direction.FLAT, Forecasting.trend(new double[] {1000, 1001, 1002}, Duration.ofDays(1)).direction());
    }

    @Test
    void nothingToGoOnForecastsNothingAndOneValueIsFlat() {
        assertEquals(0, Forecasting.forecast(new double[0], 5, ForecastMethod.HOLT).length);
        assertArrayEquals(new double[] {7, 7}, Forecasting.forecast(new double[] {7}, 2, ForecastMethod.LINEAR), 1e-9);
        assertArrayEquals(new double[] {7, 7}, Forecasting.forecast(new double[] {7}, 2, ForecastMethod.HOLT), 1e-9);
        assertEquals(Trend.Direction.FLAT, Forecasting.trend(new double[] {7}, Duration.ofMinutes(1)).direction());
        assertEquals(Trend.Direction.FLAT, Forecasting.trend(new double[0], Duration.ofMinutes(1)).direction());
    }
}
