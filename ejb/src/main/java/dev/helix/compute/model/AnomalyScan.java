package dev.helix.compute.model;

/**
 * Scores every point of many time series at once against the sliding window before it, the same contract on
 * every {@link ComputeBackend}.
 *
 * <p>The window's spread has a floor of {@code 1e-6 * (1 + |centre|)}, so a change after a perfectly flat
 * stretch scores high instead of dividing by zero.
 */
public interface AnomalyScan {

    ComputeBackend backend();

    AnomalyScores scan(SeriesBlock block, AnomalyParameters parameters);
}
