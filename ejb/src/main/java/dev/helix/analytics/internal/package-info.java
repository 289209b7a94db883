/**
 * Helpers only the analytics context uses: the stored metric series and collector cursors (MetricStore),
 * trends and forecasts (Forecasting), and the finding and raising of anomalies.
 */
package dev.helix.analytics.internal;
