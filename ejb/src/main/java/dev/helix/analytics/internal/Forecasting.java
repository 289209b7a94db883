package dev.helix.analytics.internal;

import dev.helix.analytics.model.ForecastMethod;
import dev.helix.analytics.model.Trend;
import java.time.Duration;

/**
 * Trends and forecasts of evenly spaced values (oldest first): the least-squares line, and Holt's linear
 * exponential smoothing (a level and a slope, each smoothed).
 */
public final class Forecasting {

    /** Holt's level smoothing. */
    static final double ALPHA = 0.5;
    /** Holt's slope smoothing. */
    static final double BETA = 0.3;
    /** A total change under this share of the mean level is flat. */
    private static final double FLAT = 0.01;

    private Forecasting() {
    }

    /** The trend of values {@code step} apart: the least-squares slope and its direction. */
    public static Trend trend(double[] values, Duration step) {
        double slope = values.length < 2 ? 0 : line(values)[1];
        double perHour = slope * Duration.ofHours(1).toMillis() / step.toMillis();
        double level = 0;
        for (double v : values) {
            level += Math.abs(v);
        }
        level = values.length == 0 ? 0 : level / values.length;
        double change = Math.abs(slope) * Math.max(1, values.length - 1);
        Trend.Direction direction = change <= FLAT * level || slope == 0 ? Trend.Direction.FLAT
                : slope > 0 ? Trend.Direction.RISING : Trend.Direction.FALLING;
        return new Trend(slope, perHour, direction);
    }

    /** The next {@code horizon} values by the method; with no values, none. */
    public static double[] forecast(double[] values, int horizon, ForecastMethod method) {
        if (values.length == 0) {
            return new double[0];
        }
        return method == ForecastMethod.LINEAR ? linear(values, horizon) : holt(values, horizon, ALPHA, BETA);
    }

    /** The least-squares line through the values continued: intercept + slope × t for t after the last. */
    static double[] linear(double[] values, int horizon) {
        double[] line = line(values);
        double[] next = new double[horizon];
        for (int h = 0; h < horizon; h++) {
            next[h] = line[0] + line[1] * (values.length + h);
        }
        return next;
    }

    /**
     * Holt's method: level ← α·x + (1 − α)(level + slope), slope ← β(level − previous level) + (1 − β)·slope,
     * started at the first value and the first difference; the forecast h ahead is level + h·slope.
     */
    static double[] holt(double[] values, int horizon, double alpha, double beta) {
        double level = values[0];
        double slope = values.length > 1 ? values[1] - values[0] : 0;
        for (int t = 1; t < values.length; t++) {
            double previous = level;
            level = alpha * values[t] + (1 - alpha) * (level + slope);
            slope = beta * (level - previous) + (1 - beta) * slope;
        }
        double[] next = new double[horizon];
        for (int h = 0; h < horizon; h++) {
            next[h] = level + (h + 1) * slope;
        }
        return next;
    }

    /** Intercept and slope of the least-squares line through (t, values[t]). */
    private static double[] line(double[] values) {
        int n = values.length;
        if (n == 1) {
            return new double[] {values[0], 0};
        }
        double meanT = (n - 1) / 2.0;
        double meanV = 0;
        for (double v : values) {
            meanV += v;
        }
        meanV /= n;
        double covariance = 0;
        double variance = 0;
        for (int t = 0; t < n; t++) {
            covariance += (t - meanT) * (values[t] - meanV);
            variance += (t - meanT) * (t - meanT);
        }
        double slope = covariance / variance;
        return new double[] {meanV - slope * meanT, slope};
    }
}
